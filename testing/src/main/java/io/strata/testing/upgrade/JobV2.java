package io.strata.testing.upgrade;

import java.io.File;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.util.TemporaryClassLoaderContext;

/**
 * A job's next version, for upgrade tests: real code, compiled from the job module's {@code
 * src/test/upgrade-v2} (see {@link V2Compiler}), never a switch in production code. Operator tests
 * run their v2 half with v2's classes ({@link #restore}); the local-stack test submits {@link
 * #jar}.
 */
public final class JobV2 {

    /** Where a job module keeps its v2: {@code java/} and {@code appended-fields/}. */
    public static final String SOURCES = "src/test/upgrade-v2";

    private static final Map<Path, JobV2> THIS_JVM = new ConcurrentHashMap<>();

    private final Path classes;
    private final Map<ClassLoader, ClassLoader> loaders = new ConcurrentHashMap<>();

    private JobV2(Path classes) {
        this.classes = classes;
    }

    /**
     * The v2 of the module whose tests run (Maven runs them in the module's directory), compiled
     * against the test class path into {@code target/upgrade-v2}, once per JVM.
     */
    public static JobV2 ofThisModule() {
        Path module = Path.of("").toAbsolutePath();
        return THIS_JVM.computeIfAbsent(
                module, m -> compile(m, testClasspath(), m.resolve("target/upgrade-v2")));
    }

    /**
     * The v2 of {@code module}, compiled into {@code target} against {@code classpath}: v1's job
     * jar and what the cluster provides.
     */
    public static JobV2 compile(Path module, List<Path> classpath, Path target) {
        return new JobV2(V2Compiler.compile(module, classpath, target));
    }

    /** v2's compiled classes. */
    public Path classes() {
        return classes;
    }

    /** A copy of v1's job jar at {@code target} with v2's classes in place: v2's job jar. */
    public Path jar(Path v1Jar, Path target) {
        return JarOverlay.write(v1Jar, classes, target);
    }

    /**
     * Runs {@code step} with v2's classes (the step's own class loaded again by them) and v2's
     * class loader as the thread's context class loader, as a task runs its job's code.
     */
    public <T> T restore(
            Class<? extends V2Step<T>> step, StateBackend backend, OperatorSubtaskState... v1)
            throws Exception {
        ClassLoader loader =
                loaders.computeIfAbsent(
                        step.getClassLoader(), parent -> new V2ClassLoader(classes, parent));
        Constructor<?> constructor =
                Class.forName(step.getName(), true, loader).getDeclaredConstructor();
        constructor.setAccessible(true);
        @SuppressWarnings("unchecked")
        V2Step<T> v2 = (V2Step<T>) constructor.newInstance();
        try (TemporaryClassLoaderContext ignored = TemporaryClassLoaderContext.of(loader)) {
            return v2.restore(backend, v1);
        }
    }

    /** Surefire's test class path (the JVM's own may be a manifest-only jar). */
    private static List<Path> testClasspath() {
        String classpath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }
}
