package io.strata.tools.bench;

import io.strata.tools.stack.FlinkSqlClient;
import io.strata.tools.stack.StackHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipeline B: what a Flink user writes without Strata, submitted through the SQL client to the same
 * cluster: a Kafka table over the bench topic (raw format), {@code JSON_VALUE} for the envelope's
 * fields, {@code SHA256} of the payload, {@code ROW_NUMBER()} keeping the first copy of each
 * (tenant, event id), {@code INSERT INTO} an Iceberg table. Records without a tenant or event id
 * are filtered out (Strata quarantines them instead).
 */
final class SqlBaseline {

    private static final Pattern JOB_ID = Pattern.compile("Job ID: ([0-9a-f]{32})");

    private final StackHome home;
    private final String servers;
    private final ClusterRun cluster;

    SqlBaseline(StackHome home, String servers, ClusterRun cluster) {
        this.home = home;
        this.servers = servers;
        this.cluster = cluster;
    }

    Measurement run(
            int round,
            BenchTopic.Loaded input,
            String table,
            String name,
            Duration checkpointInterval,
            Duration timeout,
            PrintStream log) {
        double cpu = cluster.cpuNow();
        Optional<String> jobId = submit(input.topic(), table, name, checkpointInterval, log);
        if (jobId.isEmpty()) {
            return Measurement.failed(
                    Measurement.Pipeline.BASELINE,
                    round,
                    input.records(),
                    "SQL client failed, see " + home.logFile("sql-client"));
        }
        return await(round, input, table, jobId.get(), cpu, timeout);
    }

    /** Runs the baseline's script in the SQL client; returns the INSERT job's id. */
    Optional<String> submit(
            String topic, String table, String name, Duration checkpointInterval, PrintStream log) {
        Path script = writeScript(script(servers, topic, table, name, checkpointInterval), name);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc =
                new FlinkSqlClient(home)
                        .runScript(
                                List.of("-f", script.toString()),
                                new PrintStream(output, true, StandardCharsets.UTF_8));
        String printed = output.toString(StandardCharsets.UTF_8);
        Matcher jobId = JOB_ID.matcher(printed);
        if (rc != 0 || !jobId.find()) {
            log.println(printed);
            return Optional.empty();
        }
        return Optional.of(jobId.group(1));
    }

    /** Waits until the table holds one row per accepted event, then cancels the job. */
    Measurement await(
            int round,
            BenchTopic.Loaded input,
            String table,
            String jobId,
            double cpu,
            Duration timeout) {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put(table, input.oracle().bronzeTotal().accepted());
        return cluster.await(
                Measurement.Pipeline.BASELINE,
                round,
                input.records(),
                jobId,
                expected,
                cpu,
                timeout,
                Optional::empty);
    }

    /** The script: streaming mode, the run's job name and checkpoints, then the pipeline. */
    static String script(
            String servers, String topic, String table, String name, Duration checkpointInterval) {
        String[] parts = table.split("\\.");
        return String.join(
                "\n",
                "SET 'execution.runtime-mode' = 'streaming';",
                "SET 'table.dml-sync' = 'false';",
                "SET 'pipeline.name' = '" + name + "';",
                "SET 'execution.checkpointing.interval' = '"
                        + checkpointInterval.toMillis()
                        + "ms';",
                "CREATE TEMPORARY TABLE bench_raw (",
                "  payload STRING,",
                "  kafka_partition INT METADATA FROM 'partition' VIRTUAL,",
                "  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,",
                "  proc AS PROCTIME()",
                ") WITH (",
                "  'connector' = 'kafka',",
                "  'topic' = '" + topic + "',",
                "  'properties.bootstrap.servers' = '" + servers + "',",
                "  'properties.group.id' = '" + name + "',",
                "  'scan.startup.mode' = 'earliest-offset',",
                "  'format' = 'raw'",
                ");",
                "CREATE DATABASE IF NOT EXISTS strata.`" + parts[0] + "`;",
                "CREATE TABLE strata.`" + parts[0] + "`.`" + parts[1] + "` (",
                "  event_id STRING, tenant_id STRING, app STRING, record_type STRING,",
                "  schema_version STRING, event_time STRING, payload STRING, checksum STRING,",
                "  kafka_partition INT, kafka_offset BIGINT, ingest_time TIMESTAMP_LTZ(3)",
                ");",
                "INSERT INTO strata.`" + parts[0] + "`.`" + parts[1] + "`",
                "SELECT event_id, tenant_id, app, record_type, schema_version, event_time,",
                "  payload, checksum, kafka_partition, kafka_offset, proc",
                "FROM (",
                "  SELECT *, ROW_NUMBER() OVER (",
                "    PARTITION BY tenant_id, event_id ORDER BY proc ASC) AS rn",
                "  FROM (",
                "    SELECT JSON_VALUE(payload, '$.event_id') AS event_id,",
                "      JSON_VALUE(payload, '$.tenant_id') AS tenant_id,",
                "      JSON_VALUE(payload, '$.app') AS app,",
                "      JSON_VALUE(payload, '$.record_type') AS record_type,",
                "      JSON_VALUE(payload, '$.schema_version') AS schema_version,",
                "      JSON_VALUE(payload, '$.event_time') AS event_time,",
                "      payload, SHA256(payload) AS checksum, kafka_partition, kafka_offset, proc",
                "    FROM bench_raw)",
                "  WHERE event_id IS NOT NULL AND tenant_id IS NOT NULL)",
                "WHERE rn = 1;",
                "");
    }

    private Path writeScript(String sql, String name) {
        try {
            Path dir = Files.createDirectories(home.home().resolve("bench"));
            return Files.writeString(dir.resolve(name + ".sql"), sql);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the baseline's SQL script", e);
        }
    }
}
