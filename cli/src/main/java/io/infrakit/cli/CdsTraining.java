package io.infrakit.cli;

import io.infrakit.rpc.PluginClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload the launcher's class-data archive is trained on, in one JVM: plugin RPCs against a throwaway
 * manager (plugins, a group's life, instances) with YAML output, and a playbook evaluated with its templates. Not a
 * command users see.
 */
public final class CdsTraining {

    private static final String GROUP = """
            {"ID": "training", "Properties": {"Allocation": {"Size": 2},
             "Instance": {"Plugin": "simulator", "Properties": {}}, "Flavor": {"Plugin": "vanilla"}}}
            """;

    private CdsTraining() {
    }

    /** @param args the training home and the quickstart playbook's directory */
    public static void main(String[] args) throws IOException {
        Map<String, String> environment = Map.of("INFRAKIT_HOME", args[0]);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(discard, discard, environment, "plugin", "ls", "-o", "yaml");
        Path group = Files.writeString(Path.of(args[0], "training-group.json"), GROUP);
        Main.run(discard, discard, environment, "group", "commit", group.toString(), "--pretend");
        Main.run(discard, discard, environment, "group", "commit", group.toString());
        Main.run(discard, discard, environment, "group", "ls");
        Main.run(discard, discard, environment, "group", "describe", "training");
        Main.run(discard, discard, environment, "instance", "describe", "--plugin", "simulator");
        Main.run(discard, discard, environment, "group", "destroy", "training");
        Main.run(discard, discard, environment, "playbook", "run", args[1], "up", "--accept-defaults", "--print-only");
        Main.run(discard, discard, environment, "template", "render", "str://{\"n\": ${n}}", "--var", "n=1",
                "-o", "json");
        Main.run(discard, discard, environment, "manager", "stop");
        PluginClient.releaseShared();
    }
}
