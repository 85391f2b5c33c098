package io.strata.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.flink.JobConfig;
import io.strata.common.serde.RegistryClientConfig;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

class SecretKeysTest {

    private static final String PASSWORD = "hunter2-very-secret";

    private static final Map<String, String> CONFIG =
            Map.of(
                    "strata.kafka.bootstrap-servers",
                    "broker:9093",
                    "strata.kafka.client.sasl.jaas.config",
                    "Scram required username=\"u\" password=\"" + PASSWORD + "\";",
                    "strata.kafka.client.ssl.truststore.password",
                    PASSWORD,
                    "strata.schema-registry.basic-auth.user-info",
                    "u:" + PASSWORD,
                    "strata.iceberg.catalog.credential",
                    "client:" + PASSWORD,
                    "strata.iceberg.catalog.token",
                    PASSWORD,
                    "strata.iceberg.catalog.s3.secret-access-key",
                    PASSWORD);

    @Test
    void everySecretOfTheClusterProfileIsMaskedAndTheRestShown() {
        Map<String, String> masked = SecretKeys.masked(CONFIG);

        assertThat(masked.toString()).doesNotContain(PASSWORD);
        assertThat(masked).containsEntry("strata.kafka.bootstrap-servers", "broker:9093");
        assertThat(masked)
                .containsEntry("strata.kafka.client.sasl.jaas.config", SecretKeys.MASK)
                .containsEntry("strata.schema-registry.basic-auth.user-info", SecretKeys.MASK);
    }

    @Test
    void theConfigurationLogLineOfAJobHoldsNoSecret() {
        StringWriter log = new StringWriter();
        try (var capture = capture(log)) {
            JobConfig.fromArgs(
                    new String[] {
                        "--strata.kafka.bootstrap-servers", "broker:9093",
                        "--strata.kafka.client.sasl.jaas.config", "${env:JAAS}",
                        "--strata.schema-registry.basic-auth.user-info", "u:${env:PW}"
                    },
                    new ConfigPlaceholders(
                            Map.of("JAAS", "password=\"" + PASSWORD + "\";", "PW", PASSWORD)::get,
                            Path.of("")));
        }

        assertThat(log.toString()).contains("Strata configuration").contains("broker:9093");
        assertThat(log.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aRegistryConfigDoesNotShowItsCredentials() {
        RegistryClientConfig config =
                RegistryClientConfig.of("https://registry:8081").withBasicAuth("u:" + PASSWORD);

        assertThat(config.toString()).doesNotContain(PASSWORD).contains("registry:8081");
    }

    /** Adds an appender on JobConfig's logger for the duration of a try block. */
    private static AutoCloseable0 capture(StringWriter out) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        WriterAppender appender =
                WriterAppender.createAppender(
                        PatternLayout.newBuilder().withPattern("%m%n").build(),
                        null,
                        out,
                        "capture",
                        false,
                        true);
        appender.start();
        LoggerConfig logger = new LoggerConfig(JobConfig.class.getName(), Level.INFO, false);
        logger.addAppender(appender, Level.INFO, null);
        config.addLogger(JobConfig.class.getName(), logger);
        context.updateLoggers();
        return () -> {
            config.removeLogger(JobConfig.class.getName());
            context.updateLoggers();
            appender.stop();
        };
    }

    private interface AutoCloseable0 extends AutoCloseable {
        @Override
        void close();
    }
}
