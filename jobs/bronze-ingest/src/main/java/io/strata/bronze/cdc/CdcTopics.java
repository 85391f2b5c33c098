package io.strata.bronze.cdc;

import io.strata.common.kafka.KafkaClientProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the missing {@code cdc.*} topics of the listed tables before the job starts, compacted: a
 * topic auto-created by the first write would get the broker's delete policy, and tombstones would
 * never remove anything. Existing topics are left as they are.
 */
public final class CdcTopics {

    private static final Pattern PLAIN_TABLE = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+");

    private CdcTopics() {}

    /**
     * The topic of each table in {@code cdc.source.tables} named plainly; entries that are patterns
     * ({@code platform.price_.*}) get their topics from the first write instead.
     */
    public static List<String> names(ReadableConfig config) {
        String prefix = config.get(CdcCaptureOptions.TOPIC_PREFIX);
        return plainTables(config).stream().map(t -> prefix + t).toList();
    }

    /** The entries of {@code cdc.source.tables} that name one table, not a pattern. */
    public static List<String> plainTables(ReadableConfig config) {
        return config.get(CdcCaptureOptions.TABLES).stream()
                .filter(t -> PLAIN_TABLE.matcher(t).matches())
                .toList();
    }

    /** Creates the topics that do not exist yet; returns the ones it created. */
    public static List<String> createMissing(ReadableConfig config) throws InterruptedException {
        try (Admin admin = Admin.create(KafkaClientProperties.of(config))) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> missing =
                    names(config).stream().filter(t -> !existing.contains(t)).toList();
            for (String topic : missing) {
                create(admin, topic, config.get(CdcCaptureOptions.TOPIC_PARTITIONS));
            }
            return missing;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not list or create the CDC topics", e.getCause());
        }
    }

    private static void create(Admin admin, String topic, int partitions)
            throws InterruptedException, ExecutionException {
        NewTopic spec =
                new NewTopic(topic, Optional.of(partitions), Optional.empty())
                        .configs(Map.of("cleanup.policy", "compact"));
        try {
            admin.createTopics(List.of(spec)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
