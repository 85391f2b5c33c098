package io.strata.testing.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Defines the classes a job jar bundles itself, v2's compiled class where there is one, else v1's
 * (read from the parent's class path), so a job's v1 and v2 classes of one name live side by side
 * in one JVM, as two job jars do on one cluster. Those are Strata's classes and, as on the cluster
 * (whose {@code lib/} has neither), Avro and flink-avro: Avro finds a record's class through its
 * own class loader, which must be the one that sees v2's. Everything else (Flink, the JDK, this
 * package) comes from the parent, as Flink's own classes come from the cluster.
 */
final class V2ClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Path classes;

    V2ClassLoader(Path classes, ClassLoader parent) {
        super("strata-v2", parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isBundled(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = bytes(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    private byte[] bytes(String file) {
        try {
            Path v2 = classes.resolve(file);
            if (Files.isRegularFile(v2)) {
                return Files.readAllBytes(v2);
            }
            try (InputStream v1 = getParent().getResourceAsStream(file)) {
                return v1 == null ? null : v1.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private static boolean isBundled(String name) {
        if (name.startsWith(V2ClassLoader.class.getPackageName() + ".")) {
            return false;
        }
        return name.startsWith("io.strata.")
                || name.startsWith("org.apache.avro.")
                || name.startsWith("org.apache.flink.formats.avro.");
    }
}
