package io.infrakit.cli.completion;

import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.CliHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion script in a real bash: TAB after a group command offers the committed groups, and so on. */
class CompletionIT {

    private CliHome home;
    private Path script;
    private Path infrakit;

    @BeforeEach
    void committedGroupAndScript() throws IOException {
        home = CliHome.create("ik-complete", Map.of());
        Path spec = home.resolve("web.json");
        Files.writeString(spec, "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": 1},"
                + " \"Instance\": {\"Plugin\": \"simulator\", \"Properties\": {}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}");
        Run committed = home.run("group", "commit", spec.toString());
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        Run generated = home.run("generate-completion");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        script = home.resolve("completion.bash");
        Files.writeString(script, generated.out());
        // What COMP_WORDS[0] names: this build of the CLI, in its own JVM.
        infrakit = home.resolve("infrakit");
        Files.writeString(infrakit, "#!/bin/sh\nexec '" + ProcessHandle.current().info().command().orElse("java")
                + "' -cp '" + System.getProperty("java.class.path") + "' io.infrakit.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(infrakit, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void remove() {
        home.close();
    }

    @Test
    void tabOffersGroupsPluginsAndCommands() throws Exception {
        assertThat(complete(3, "group", "describe", "w")).isEqualTo("web");
        assertThat(complete(3, "group", "rollback", "")).isEqualTo("web");
        assertThat(complete(4, "instance", "describe", "--plugin", "simul")).isEqualTo("simulator");
        assertThat(complete(2, "group", "insp")).isEqualTo("inspect");
        assertThat(complete(3, "group", "describe", "x")).as("no group starts with x").isEmpty();
    }

    /** COMPREPLY after TAB with the cursor on word {@code current}. */
    private String complete(int current, String... words) throws Exception {
        StringBuilder line = new StringBuilder("source '" + script + "'; COMP_WORDS=('" + infrakit + "'");
        for (String word : words) {
            line.append(" '").append(word).append("'");
        }
        line.append("); COMP_CWORD=").append(current).append("; _infrakit_names; echo \"${COMPREPLY[*]}\"");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", line.toString()).redirectErrorStream(true);
        bash.environment().put("INFRAKIT_HOME", home.toString());
        bash.environment().put("INFRAKIT_CLI_IN_MANAGER", "no");
        Process process = bash.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
