package io.strata.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the deployment files must agree with: the build's version, jobs' main classes. */
final class ProjectFacts {

    private ProjectFacts() {}

    /** The project version of the root pom (the jar names carry it). */
    static String version() {
        Matcher m =
                Pattern.compile("<artifactId>strata-parent</artifactId>\\s*<version>([^<]+)<")
                        .matcher(read("pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("No version in the root pom");
        }
        return m.group(1);
    }

    /** The Main-Class a job module's shaded jar gets (its pom's job.main.class). */
    static String jarMainClass(String module) {
        Matcher m =
                Pattern.compile("<job.main.class>([^<]+)</job.main.class>")
                        .matcher(read("jobs/" + module + "/pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("No job.main.class in jobs/" + module);
        }
        return m.group(1);
    }

    /** Whether the class exists here and has {@code public static void main(String[])}. */
    static boolean hasMain(String className) {
        try {
            Method main = Class.forName(className).getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return false;
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(Repo.file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
