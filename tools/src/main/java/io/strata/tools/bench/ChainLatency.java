package io.strata.tools.bench;

import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.kafka.KafkaRawSender;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.progress.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw event → Gold Kafka topic latency at a fixed rate: the three jobs run first, at-least-once
 * between them, on an empty raw topic of their own; then the {@link WallClockWorkload} is sent
 * paced while the oracle follows along and the send time of every record is kept; once Gold has
 * written what it will, its topic is read back and each record matched to the raw event it waited
 * for ({@link GoldLatencyMatch}). Only rows whose raw events were produced after the warm-up, as of
 * event times up to Gold's final watermark less the cool-down ({@link ChainSettings}), are
 * measured.
 */
final class ChainLatency {

    static final String TOPIC = "bench.chain-latency.webhooks";

    /**
     * The outcome.
     *
     * @param speed event-time seconds per wall-clock second of the sent workload
     * @param measuredFrom seconds after the send started from which raw events are measured
     * @param measuredTo seconds after the send started up to which they are
     * @param measuredUpTo seconds of event time after the first event sent up to which rows are
     *     measured: Gold's final watermark less the cool-down
     */
    record Result(
            double rate,
            long records,
            double speed,
            Duration goldOutOfOrderness,
            double measuredFrom,
            double measuredTo,
            double measuredUpTo,
            GoldLatencyMatch.Result match,
            Latencies bronze,
            boolean valid,
            String note) {

        static Result failed(double rate, String why) {
            return new Result(
                    rate,
                    0,
                    0,
                    Duration.ZERO,
                    0,
                    0,
                    0,
                    new GoldLatencyMatch.Result(Latencies.NONE, 0, 0, 0, 0, 0, 0),
                    Latencies.NONE,
                    false,
                    why);
        }

        Latencies latencies() {
            return match.latencies();
        }
    }

    private final String servers;
    private final String registryUrl;
    private final int partitions;
    private final ChainJobs jobs;
    private final PrintStream out;

    ChainLatency(
            String servers, String registryUrl, int partitions, ChainJobs jobs, PrintStream out) {
        this.servers = servers;
        this.registryUrl = registryUrl;
        this.partitions = partitions;
        this.jobs = jobs;
        this.out = out;
    }

    Result run(
            WallClockWorkload paced,
            ChainNames names,
            List<String> common,
            Map<String, List<String>> extra,
            ChainSettings chain) {
        double rate = chain.latencyRate();
        new BenchTopic(servers, TOPIC, partitions).recreate();
        Optional<Map<String, String>> ids = jobs.submit(names, common, extra, out);
        if (ids.isEmpty()) {
            return Result.failed(rate, "flink run failed");
        }
        try {
            if (jobs.awaitRunning(ids.get(), Duration.ofMinutes(5)).isEmpty()) {
                return Result.failed(rate, "the jobs did not all start");
            }
            // Records sent before the jobs read would wait for them and count their start-up.
            ClusterRun.sleep(Duration.ofSeconds(5));
            Instant eventStart = Instant.now();
            Workload workload = paced.startingAt(eventStart);
            long[] sentAt = new long[Math.toIntExact(workload.expectedRecords() + 1)];
            SilverChangeLog log = new SilverChangeLog();
            BronzeHop bronze = new BronzeHop();
            Oracle oracle = new Oracle(workload.oracleOptions(), log);
            long start = System.currentTimeMillis();
            try (KafkaRawSender sender = KafkaRawSender.create(servers)) {
                sender.send(
                        workload.records(),
                        workload.expectedRecords(),
                        workload.params().get(WorkloadOptions.RATE),
                        ProgressListener.NONE,
                        r -> {
                            // The producer stamped the record with the time of send() just now.
                            if (r.position() < sentAt.length) {
                                sentAt[(int) r.position()] = System.currentTimeMillis();
                            }
                            bronze.sent(r.tenant(), r.eventId(), System.currentTimeMillis());
                            oracle.accept(r);
                        });
            }
            long end = System.currentTimeMillis();
            out.printf(
                    "  sent %,d records in %.1f s; event time ran %.2f s per second%n",
                    workload.expectedRecords(), (end - start) / 1e3, paced.speed());
            awaitQuietTopic(names.featuresTopic());
            Optional<String> ended = jobs.ended(ids.get());
            if (ended.isPresent()) {
                return Result.failed(rate, "job " + ended.get());
            }
            GoldLatencyMatch matcher =
                    new GoldLatencyMatch(
                            log.versions(), p -> p < sentAt.length ? sentAt[(int) p] : 0);
            List<GoldLatencyMatch.GoldRecord> expected =
                    GoldOracle.of(log.versions()).featureHistory().stream()
                            .map(
                                    r ->
                                            new GoldLatencyMatch.GoldRecord(
                                                    r.tenantId(),
                                                    r.customerKey(),
                                                    r.validFrom().toEpochMilli(),
                                                    0))
                            .toList();
            long from = start + chain.latencyWarmUp().toMillis();
            Instant upTo =
                    GoldExpectation.of(log.versions(), chain.goldOutOfOrderness())
                            .watermark()
                            .minus(chain.latencyCoolDown());
            List<GoldLatencyMatch.GoldRecord> gold =
                    GoldTopic.read(
                            servers, registryUrl, names.featuresTopic(), Duration.ofMinutes(2));
            GoldLatencyMatch.Result match =
                    matcher.match(gold, from, end, upTo.toEpochMilli(), expected);
            out.printf(
                    "  read %,d Gold records: %,d of the oracle's %,d rows in the window shown"
                            + " (%,d only through a later row), %,d records outside the window,"
                            + " %,d unexplained, %,d rows past Gold's final watermark less %d s%n",
                    gold.size(),
                    match.latencies().count(),
                    match.expected(),
                    match.viaLaterRow(),
                    match.outside(),
                    match.unmatched(),
                    match.unreleased(),
                    chain.latencyCoolDown().toSeconds());
            Latencies bronzeHop =
                    bronze.read(servers, names.bronzeTopic(), from, end, Duration.ofMinutes(2));
            return judged(
                    rate,
                    workload.expectedRecords(),
                    paced,
                    chain,
                    (from - start) / 1e3,
                    (end - start) / 1e3,
                    Duration.between(eventStart, upTo).toMillis() / 1e3,
                    match,
                    bronzeHop,
                    gold.isEmpty());
        } finally {
            jobs.cancel(ids.get().values());
        }
    }

    private static Result judged(
            double rate,
            long records,
            WallClockWorkload paced,
            ChainSettings chain,
            double measuredFrom,
            double measuredTo,
            double measuredUpTo,
            GoldLatencyMatch.Result match,
            Latencies bronzeHop,
            boolean goldEmpty) {
        long seen = match.latencies().count();
        String note = "";
        boolean window = measuredUpTo > measuredFrom;
        if (!window) {
            note = "the send is too short for its warm-up and cool-down";
        } else if (goldEmpty) {
            note =
                    "Gold wrote nothing within 3 minutes of the send: the chain fell behind the"
                            + " rate (raw → Bronze topic p50 "
                            + bronzeHop.p50()
                            + " ms)";
        } else if (seen == 0) {
            note = "no Gold record of a measured raw event";
        } else if (match.unmatched() > 0 || match.missing() > 0) {
            note =
                    String.format(
                            "the topic showed %,d of the oracle's %,d rows in the window; %,d Gold"
                                    + " records no Silver version explains",
                            seen, match.expected(), match.unmatched());
        }
        // Valid only when the topic showed every row the oracle has in the window.
        boolean valid = seen > 0 && window && match.missing() == 0;
        return new Result(
                rate,
                records,
                paced.speed(),
                chain.goldOutOfOrderness(),
                measuredFrom,
                measuredTo,
                measuredUpTo,
                match,
                bronzeHop,
                valid,
                note);
    }

    /**
     * Waits until Gold's topic holds records and has not grown for 10 s (at least 15 s, at most 3
     * minutes): the rows of the measured events are written by then unless the chain fell behind
     * the rate; the last ones, which wait for the inputs' idleness, are not measured anyway.
     */
    private void awaitQuietTopic(String topic) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long earliest = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long last = -1;
        long changed = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long size = BenchTopic.endOffsets(servers, topic);
            if (size != last) {
                last = size;
                changed = System.nanoTime();
            } else if (size > 0
                    && System.nanoTime() > earliest
                    && System.nanoTime() - changed > Duration.ofSeconds(10).toNanos()) {
                return;
            }
            ClusterRun.sleep(Duration.ofSeconds(1));
        }
    }
}
