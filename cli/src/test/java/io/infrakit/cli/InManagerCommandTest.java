package io.infrakit.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InManagerCommandTest {

    @Test
    void readsTheDirectoryTheArgumentsAndTheEnvironment() {
        InManagerCommand command = InManagerCommand.parse(body("/work\0" + "3\0group\0describe\0a b=c\0"
                + "INFRAKIT_HOME=/h\0EMPTY=\0WITH=EQUALS=SIGN\0")).orElseThrow();

        assertThat(command.workingDirectory()).isEqualTo(Path.of("/work"));
        assertThat(command.args()).containsExactly("group", "describe", "a b=c");
        assertThat(command.environment()).isEqualTo(Map.of("INFRAKIT_HOME", "/h", "EMPTY", "", "WITH", "EQUALS=SIGN"));
        assertThat(command.name()).isEqualTo("group describe");
    }

    @Test
    void aBodyThatIsNotARequestIsRefused() {
        assertThat(InManagerCommand.parse(body("/work\0" + "2\0plugin\0ls"))).as("no final NUL").isEmpty();
        assertThat(InManagerCommand.parse(body("/work\0two\0plugin\0ls\0"))).as("argc not a number").isEmpty();
        assertThat(InManagerCommand.parse(body("/work\0" + "5\0plugin\0ls\0"))).as("fewer arguments").isEmpty();
        assertThat(InManagerCommand.parse(body("\0" + "2\0plugin\0ls\0"))).as("no directory").isEmpty();
        assertThat(InManagerCommand.parse(body(""))).isEmpty();
    }

    @Test
    void onlyShortCommandsThatNeedNoTerminalStdinOrOtherHomeQualify() {
        assertThat(qualifies("plugin", "ls")).isTrue();
        assertThat(qualifies("group", "commit", "web.json", "--pretend")).isTrue();
        assertThat(qualifies("instance", "describe", "--plugin", "file", "-o", "yaml")).isTrue();

        assertThat(qualifies("version")).isFalse();
        assertThat(qualifies("group")).isFalse();
        assertThat(qualifies("manager", "stop")).isFalse();
        assertThat(qualifies("playbook", "run", "x")).isFalse();
        assertThat(qualifies("instance", "provision", "--plugin", "file", "-")).as("stdin").isFalse();
        assertThat(qualifies("group", "commit", "web.json", "--wait", "60s")).as("waits").isFalse();
        assertThat(qualifies("group", "commit", "web.json", "--wait=60s")).as("waits").isFalse();
        assertThat(qualifies("group", "watch", "web")).as("streams").isFalse();
        assertThat(qualifies("group", "commit", "web.json.ftl", "--var", "size=3")).as("template").isFalse();
        assertThat(qualifies("group", "ls", "--home", "/elsewhere")).isFalse();
        assertThat(qualifies("group", "ls", "--home=/elsewhere")).isFalse();
        assertThat(qualifies("group", "--help")).isFalse();
        assertThat(qualifies("group", "commit", "web.json", "--simulate")).as("simulates").isFalse();
        assertThat(qualifies("group", "commit", "--simulate", "--provision-time", "5s", "web.json"))
                .as("simulates").isFalse();
        assertThat(qualifies("group", "commit", "web.json", "@more-options")).as("an argument file").isFalse();
    }

    private static boolean qualifies(String... args) {
        return new InManagerCommand(Path.of("/"), List.of(args), Map.of()).qualifies();
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
