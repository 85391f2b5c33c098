package io.strata.testing.upgrade;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a job module's v2: the module's main sources with the files of {@code
 * src/test/upgrade-v2/java} put over them (same paths, so the same class names), plus the Avro
 * records of {@code src/test/upgrade-v2/appended-fields} regenerated with their new fields, against
 * v1's classpath. The whole module is compiled again, as a v2 release would be: v1 code that uses a
 * regenerated record links against the v2 class.
 */
final class V2Compiler {

    private V2Compiler() {}

    /** Compiles into {@code target/classes}; returns that directory. */
    static Path compile(Path module, List<Path> classpath, Path target) {
        Path v2 = module.resolve(JobV2.SOURCES);
        if (!Files.isDirectory(v2.resolve("java"))) {
            throw new IllegalArgumentException("No v2 sources in " + v2.resolve("java"));
        }
        Path avroJava = target.resolve("avro-java");
        Path classes = target.resolve("classes");
        Sources.delete(target);
        Map<String, Path> sources = new TreeMap<>();
        put(sources, module.resolve("src/main/java"));
        put(sources, v2.resolve("java"));
        try (URLClassLoader v1 = new URLClassLoader(urls(classpath), null)) {
            for (Path appended : Sources.under(v2.resolve("appended-fields"), ".avsc")) {
                Path generated = AppendedFields.generate(appended, v1, avroJava);
                sources.put(avroJava.relativize(generated).toString(), generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        javac(sources.values(), classpath, classes);
        return classes;
    }

    private static void put(Map<String, Path> sources, Path root) {
        for (Path file : Sources.under(root, ".java")) {
            sources.put(root.relativize(file).toString(), file);
        }
    }

    private static void javac(Iterable<Path> sources, List<Path> classpath, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            List<String> options =
                    List.of(
                            "-d",
                            classes.toString(),
                            "-classpath",
                            join(classpath),
                            "--release",
                            "17",
                            "-proc:none",
                            "-nowarn");
            boolean ok =
                    javac.getTask(
                                    null,
                                    files,
                                    diagnostics,
                                    options,
                                    null,
                                    files.getJavaFileObjectsFromPaths(sources))
                            .call();
            if (!ok) {
                throw new IllegalStateException("v2 does not compile:\n" + errors(diagnostics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(Object::toString)
                .collect(Collectors.joining("\n"));
    }

    private static String join(List<Path> classpath) {
        return classpath.stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
