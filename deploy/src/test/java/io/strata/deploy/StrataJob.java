package io.strata.deploy;

import io.strata.bronze.BronzeIngestJob;
import io.strata.bronze.BronzeIngestOptions;
import io.strata.bronze.BronzeIngestTopology;
import io.strata.bronze.cdc.CdcCaptureJob;
import io.strata.bronze.cdc.CdcCaptureOptions;
import io.strata.bronze.cdc.CdcCaptureTopology;
import io.strata.gold.GoldFeaturesJob;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.gold.GoldFeaturesTopology;
import io.strata.quality.QualityAsyncJob;
import io.strata.quality.QualityAsyncOptions;
import io.strata.quality.QualityAsyncTopology;
import io.strata.silver.SilverConformJob;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.SilverConformTopology;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job as a deployment names it: its name (as tools' JobCatalog), the module whose shaded jar
 * holds it, its main class, the options it reads and how {@code main} builds its graph.
 */
enum StrataJob {
    CDC_CAPTURE(
            CdcCaptureTopology.JOB,
            "bronze-ingest",
            CdcCaptureJob.class,
            CdcCaptureOptions.class,
            CdcCaptureOptions.PREFIX,
            CdcCaptureJob::environment),
    BRONZE_INGEST(
            BronzeIngestTopology.JOB,
            "bronze-ingest",
            BronzeIngestJob.class,
            BronzeIngestOptions.class,
            BronzeIngestOptions.PREFIX,
            BronzeIngestJob::environment),
    SILVER_CONFORM(
            SilverConformTopology.JOB,
            "silver-conform",
            SilverConformJob.class,
            SilverConformOptions.class,
            SilverConformOptions.PREFIX,
            SilverConformJob::environment),
    GOLD_FEATURES(
            GoldFeaturesTopology.JOB,
            "gold-features",
            GoldFeaturesJob.class,
            GoldFeaturesOptions.class,
            GoldFeaturesOptions.PREFIX,
            GoldFeaturesJob::environment),
    QUALITY_ASYNC(
            QualityAsyncTopology.JOB,
            "quality-async",
            QualityAsyncJob.class,
            QualityAsyncOptions.class,
            QualityAsyncOptions.PREFIX,
            QualityAsyncJob::environment);

    final String jobName;
    final String module;
    final Class<?> mainClass;
    final Class<?> options;
    final String prefix;
    final Function<Configuration, StreamExecutionEnvironment> environment;

    StrataJob(
            String jobName,
            String module,
            Class<?> mainClass,
            Class<?> options,
            String prefix,
            Function<Configuration, StreamExecutionEnvironment> environment) {
        this.jobName = jobName;
        this.module = module;
        this.mainClass = mainClass;
        this.options = options;
        this.prefix = prefix;
        this.environment = environment;
    }

    /** The shaded jar's file name, as the module's build writes it. */
    String jarName(String version) {
        return "strata-" + module + "-" + version + ".jar";
    }

    /** Whether {@code flink run} needs {@code -c} (the jar's Main-Class is another job). */
    boolean needsEntryClass() {
        return this == CDC_CAPTURE;
    }

    static List<String> prefixes() {
        return List.of(values()).stream().map(j -> j.prefix).distinct().toList();
    }

    static StrataJob named(String name) {
        return List.of(values()).stream()
                .filter(j -> j.jobName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Strata job " + name));
    }
}
