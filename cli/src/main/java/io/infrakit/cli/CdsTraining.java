package io.infrakit.cli;

import io.infrakit.rpc.PluginClient;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The workload the launcher's class-data archive is trained on, in one JVM: a plugin RPC against a throwaway
 * manager with YAML output, and a playbook evaluated with its templates. Not a command users see.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /** @param args the training home and the quickstart playbook's directory */
    public static void main(String[] args) {
        Map<String, String> environment = Map.of("INFRAKIT_HOME", args[0]);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(discard, discard, environment, "plugin", "ls", "-o", "yaml");
        Main.run(discard, discard, environment, "playbook", "run", args[1], "up", "--accept-defaults", "--print-only");
        Main.run(discard, discard, environment, "template", "render", "str://{\"n\": ${n}}", "--var", "n=1",
                "-o", "json");
        Main.run(discard, discard, environment, "manager", "stop");
        PluginClient.releaseShared();
    }
}
