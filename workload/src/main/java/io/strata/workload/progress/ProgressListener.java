package io.strata.workload.progress;

/**
 * Receives progress of long runs, about once a second and once at the end (e.g. the CLI prints it).
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> {};

    void onProgress(Progress progress);
}
