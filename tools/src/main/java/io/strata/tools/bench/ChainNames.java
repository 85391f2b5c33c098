package io.strata.tools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one run of the whole chain reads and writes: bronze-ingest, silver-conform and
 * gold-features pointed by their own options at topics, consumer groups, tables and transactional
 * ids of the run, so a run starts from nothing and never touches the stack's own layers (or a
 * concurrent {@code ./strata demo}). Only the tenant configuration and tenant control topics are
 * shared: they are read, never written.
 *
 * @param run the run's id, e.g. {@code 20260101120000-chain}
 * @param input the raw topic bronze-ingest reads
 */
record ChainNames(String run, String input) {

    /** Prefix of every topic of the run, so the run's topics can be found and deleted. */
    String topicPrefix() {
        return "bench." + run + ".";
    }

    String name(String job) {
        return "bench-" + job + "-" + run;
    }

    String bronzeTable() {
        return Bench.NAMESPACE + ".chain_bronze_" + snake();
    }

    String bronzeQuarantineTable() {
        return Bench.NAMESPACE + ".chain_bronze_quarantine_" + snake();
    }

    String silverNamespace() {
        return "bench_silver_" + snake();
    }

    String goldNamespace() {
        return "bench_gold_" + snake();
    }

    /** The run's copy of {@code gold.customer-features}. */
    String featuresTopic() {
        return topicPrefix() + "gold.customer-features";
    }

    /** The Gold table whose rows the oracle's feature history predicts. */
    String featureHistoryTable() {
        return goldNamespace() + ".customer_features_history";
    }

    String bronzeTopic() {
        return topicPrefix() + "bronze.events";
    }

    String silverTopicPrefix() {
        return topicPrefix() + "silver.";
    }

    private String manifestTopic() {
        return topicPrefix() + "ops.manifest";
    }

    private String snake() {
        return run.replace('-', '_');
    }

    /** bronze-ingest's arguments: the bench topic in, the run's Bronze out. */
    List<String> bronzeArguments(List<String> common) {
        List<String> args = new ArrayList<>(common);
        args.addAll(
                List.of(
                        "--pipeline.name", name("bronze-ingest"),
                        "--bronze.input.topic-pattern", input.replace(".", "\\."),
                        "--bronze.input.group-id", name("bronze-ingest"),
                        "--bronze.input.start-from", "EARLIEST",
                        "--bronze.iceberg.events-table", bronzeTable(),
                        "--bronze.iceberg.quarantine-table", bronzeQuarantineTable(),
                        "--bronze.output.events-topic", bronzeTopic(),
                        "--bronze.output.quarantine-topic", topicPrefix() + "bronze.quarantine",
                        "--strata.manifest.topic", manifestTopic(),
                        "--bronze.output.transactional-id-prefix", name("bronze-ingest")));
        return args;
    }

    /** silver-conform's arguments: the run's Bronze topic in, the run's Silver out. */
    List<String> silverArguments(List<String> common) {
        List<String> args = new ArrayList<>(common);
        args.addAll(
                List.of(
                        "--pipeline.name", name("silver-conform"),
                        "--silver.input.topic", bronzeTopic(),
                        "--silver.input.reprocess-topic", topicPrefix() + "bronze.reprocess",
                        "--silver.reprocess.bronze-table", bronzeTable(),
                        "--silver.input.group-id", name("silver-conform"),
                        "--silver.input.start-from", "EARLIEST",
                        "--silver.iceberg.namespace", silverNamespace(),
                        "--silver.iceberg.quarantine-table", silverNamespace() + ".quarantine",
                        "--silver.output.topic-prefix", silverTopicPrefix(),
                        "--silver.output.quarantine-topic", topicPrefix() + "silver.quarantine",
                        "--strata.manifest.topic", manifestTopic(),
                        "--silver.output.transactional-id-prefix", name("silver-conform")));
        return args;
    }

    /** gold-features' arguments: the run's Silver topics in, the run's Gold out. */
    List<String> goldArguments(List<String> common) {
        List<String> args = new ArrayList<>(common);
        args.addAll(
                List.of(
                        "--pipeline.name", name("gold-features"),
                        "--gold.input.topic-prefix", silverTopicPrefix(),
                        "--gold.input.group-id", name("gold-features"),
                        "--gold.input.start-from", "EARLIEST",
                        "--gold.iceberg.namespace", goldNamespace(),
                        "--gold.iceberg.quarantine-table", goldNamespace() + ".quarantine",
                        "--gold.output.features-topic", featuresTopic(),
                        "--gold.output.quarantine-topic", topicPrefix() + "gold.quarantine",
                        "--strata.manifest.topic", manifestTopic(),
                        "--gold.output.transactional-id-prefix", name("gold-features")));
        return args;
    }
}
