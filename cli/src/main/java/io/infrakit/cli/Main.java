package io.infrakit.cli;

import io.infrakit.rpc.PluginClient;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code infrakit} command. The only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // picocli probes for Groovy closures in a static initialiser; with Groovy on the class path that costs
        // ~120 ms on every command, --version included.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliEnvironment cli = new CliEnvironment(out, err, System.getenv(), System.console() != null);
        int code = Commands.commandLine(cli).execute(args);
        PluginClient.releaseShared();
        out.flush();
        err.flush();
        if (code != ExitCode.STAY_RUNNING) {
            System.exit(code);
        }
    }

    /** The in-process entry point: runs one command and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        CliEnvironment cli = new CliEnvironment(out, err, environment, false);
        return Commands.commandLine(cli).execute(args);
    }
}
