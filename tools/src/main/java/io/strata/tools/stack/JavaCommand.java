package io.strata.tools.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code java} command lines for the stack's JVM services. */
final class JavaCommand {

    /**
     * Flink's Java 17 module openings (from its default configuration). The launchers are started
     * by hand, so {@code env.java.opts.all} is not applied for us.
     */
    static final List<String> JAVA17_OPENS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final List<String> args = new ArrayList<>();

    JavaCommand() {
        args.add(javaBinary());
    }

    /** The java of the running CLI, so the stack runs on the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    JavaCommand marker(String service, StackHome home) {
        args.add("-Dstrata.service=" + service);
        args.add("-Dstrata.home=" + home.home());
        return this;
    }

    JavaCommand jvm(List<String> options) {
        args.addAll(options);
        return this;
    }

    JavaCommand jvm(String... options) {
        return jvm(List.of(options));
    }

    JavaCommand classpath(String classpath) {
        args.add("-classpath");
        args.add(classpath);
        return this;
    }

    JavaCommand main(String mainClass, List<String> programArgs) {
        args.add(mainClass);
        args.addAll(programArgs);
        return this;
    }

    List<String> build() {
        return List.copyOf(args);
    }

    /** The marker that identifies a service's JVM in {@code /proc/<pid>/cmdline}. */
    static String markerOf(String service, StackHome home) {
        return "-Dstrata.service=" + service + " -Dstrata.home=" + home.home();
    }
}
