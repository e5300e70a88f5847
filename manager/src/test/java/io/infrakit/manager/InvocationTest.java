package io.infrakit.manager;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationTest {

    @Test
    void readsTheDirectoryArgumentsAndEnvironmentAsTheLauncherSendsThem() {
        Invocation invocation = Invocation.parse(body("/work\0" + "3\0group\0describe\0a b=c\0"
                + "INFRAKIT_HOME=/h\0EMPTY=\0X=1=2\0\0"), false, false).orElseThrow();

        assertThat(invocation.workingDirectory()).isEqualTo(Path.of("/work"));
        assertThat(invocation.args()).containsExactly("group", "describe", "a b=c");
        assertThat(invocation.environment()).isEqualTo(Map.of("INFRAKIT_HOME", "/h", "EMPTY", "", "X", "1=2"));
        assertThat(invocation.stdin()).isEmpty();
        assertThat(invocation.name()).isEqualTo("group describe");
    }

    @Test
    void theLogNamesTheCommandAfterTheOptionsGivenBeforeIt() {
        Invocation invocation = Invocation.parse(body("/work\0" + "4\0-v\0group\0ls\0-v\0\0"), false, false)
                .orElseThrow();

        assertThat(invocation.name()).isEqualTo("group ls");
    }

    @Test
    void whatFollowsTheEmptyFieldIsStdinWhenItWasSent() {
        Invocation invocation = Invocation.parse(body("/w\0" + "2\0group\0commit\0A=b\0\0{\"ID\": \"x\"}\n\0tail"),
                true, true).orElseThrow();

        assertThat(invocation.args()).containsExactly("group", "commit");
        assertThat(invocation.environment()).isEqualTo(Map.of("A", "b"));
        assertThat(invocation.terminal()).isTrue();
        assertThat(new String(invocation.stdin().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ID\": \"x\"}\n\0tail");
    }

    @Test
    void anEmptyStdinIsStillSent() {
        assertThat(Invocation.parse(body("/w\0" + "1\0version\0\0"), false, true).orElseThrow().stdin())
                .hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
    }

    @Test
    void refusesWhatIsNotARequest() {
        assertThat(Invocation.parse(body("/work\0" + "2\0plugin\0ls\0"), false, false)).as("no end field").isEmpty();
        assertThat(Invocation.parse(body("/work\0two\0plugin\0ls\0\0"), false, false)).as("argc").isEmpty();
        assertThat(Invocation.parse(body("/work\0" + "5\0plugin\0ls\0\0"), false, false)).as("fewer").isEmpty();
        assertThat(Invocation.parse(body("\0" + "2\0plugin\0ls\0\0"), false, false)).as("no directory").isEmpty();
        assertThat(Invocation.parse(body("/w\0" + "1\0ls\0\0extra"), false, false)).as("stdin not announced")
                .isEmpty();
        assertThat(Invocation.parse(body(""), false, false)).isEmpty();
    }

    @Test
    void theLogNamesNoArgumentsAndNoControlCharacters() {
        Invocation invocation = new Invocation(Path.of("/"), List.of("group", "de\u001b[2Jscribe", "secret"), Map.of(),
                false, java.util.Optional.empty());
        assertThat(invocation.name()).isEqualTo("group de??2Jscribe");
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
