package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which jobs a set of built jars can run, and the {@code flink run} arguments of each: cdc-capture
 * lives in bronze-ingest's jar and is started with {@code -c}.
 */
class JobCatalogTest {

    private static final String CDC_CLASS = "io.strata.bronze.cdc.CdcCaptureJob";

    @TempDir Path repo;

    @Test
    void cdcCaptureRunsFromBronzeIngestsJarWithItsOwnEntryClass() throws IOException {
        jar("bronze-ingest", "io.strata.bronze.BronzeIngestJob", CDC_CLASS);
        jar("silver-conform", null);
        jar("gold-features", "io.strata.gold.GoldFeaturesJob");
        JobCatalog catalog = catalog();
        Path config = repo.resolve("strata.yaml");

        assertThat(catalog.runnable())
                .extracting(JobCatalog.Job::name)
                .containsExactly("cdc-capture", "bronze-ingest", "gold-features");
        assertThat(catalog.mainClass("cdc-capture")).contains(CDC_CLASS);
        assertThat(catalog.mainClass("bronze-ingest")).contains("io.strata.bronze.BronzeIngestJob");
        assertThat(catalog.runArguments(JobCatalog.job("cdc-capture"), config, List.of()))
                .containsExactly(
                        "run",
                        "-d",
                        "-c",
                        CDC_CLASS,
                        catalog.jar("bronze-ingest").toString(),
                        "--config",
                        config.toString());
        assertThat(
                        catalog.runArguments(
                                JobCatalog.job("bronze-ingest"), config, List.of("--k", "v")))
                .containsExactly(
                        "run",
                        "-d",
                        catalog.jar("bronze-ingest").toString(),
                        "--config",
                        config.toString(),
                        "--k",
                        "v");
    }

    @Test
    void aRestoreRefusesUnclaimedStateAndKeepsTheEntryClass() {
        Path jar = repo.resolve("v2.jar");
        Path config = repo.resolve("strata.yaml");

        assertThat(
                        JobCatalog.restoreArguments(
                                JobCatalog.job("cdc-capture"),
                                jar,
                                "file:/sp/savepoint-1",
                                config,
                                List.of("--k", "v")))
                .containsExactly(
                        "run",
                        "-d",
                        "-s",
                        "file:/sp/savepoint-1",
                        "-D",
                        "execution.savepoint.ignore-unclaimed-state=false",
                        "-c",
                        CDC_CLASS,
                        jar.toString(),
                        "--config",
                        config.toString(),
                        "--k",
                        "v");
    }

    @Test
    void aJarWithoutTheEntryClassDoesNotRunIt() throws IOException {
        jar("bronze-ingest", "io.strata.bronze.BronzeIngestJob");

        assertThat(catalog().runnable())
                .extracting(JobCatalog.Job::name)
                .containsExactly("bronze-ingest");
        assertThat(catalog().mainClass("cdc-capture")).isEmpty();
    }

    private JobCatalog catalog() {
        return new JobCatalog(
                new StackHome(repo, repo.resolve(".strata"), Configuration.fromMap(Map.of())));
    }

    /** A job jar with the given Main-Class (none when null) and empty class files. */
    private void jar(String module, String mainClass, String... classes) throws IOException {
        Path file = catalog().jar(module);
        Files.createDirectories(file.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (String c : classes) {
                jar.putNextEntry(new JarEntry(c.replace('.', '/') + ".class"));
                jar.closeEntry();
            }
        }
    }
}
