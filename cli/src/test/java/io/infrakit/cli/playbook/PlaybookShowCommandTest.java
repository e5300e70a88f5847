package io.infrakit.cli.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.Main;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code playbook show -o json} of the quickstart example playbook (examples/playbooks/quickstart). */
class PlaybookShowCommandTest {

    static final Path QUICKSTART = Path.of("../examples/playbooks/quickstart").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void asJsonThePlaybookHasItsCommandsAndTypedParametersWithPascalCaseKeys() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()),
                "playbook", "show", QUICKSTART.toString(), "-o", "json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode shown = Json.mapper().readTree(out.toString());
        assertThat(shown.get("Name").asText()).isEqualTo(QUICKSTART.toString());
        assertThat(shown.get("Description").asText()).startsWith("Groups of file instances");
        assertThat(shown.get("Commands").findValuesAsText("Name")).containsExactly("up", "scale", "down");
        JsonNode size = shown.get("Params").get(0);
        assertThat(size.toString()).isEqualTo("{\"Name\":\"size\",\"Type\":\"integer\",\"Required\":false,"
                + "\"Default\":\"3\",\"Secret\":false,\"Description\":\"how many web instances\"}");
        assertThat(shown.has("Source")).as("only an added playbook has a source").isFalse();
        assertThat(shown.get("Readme").asText()).isNotBlank();
    }
}
