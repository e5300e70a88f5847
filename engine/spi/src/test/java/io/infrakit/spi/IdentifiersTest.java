package io.infrakit.spi;

import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void aSafeShortTextIsShownAsItIs() {
        assertThat(Identifiers.escape("cattle")).isEqualTo("cattle");
        assertThat(Identifiers.escape("10.0.0.1 café ☃")).isEqualTo("10.0.0.1 café ☃");
        assertThat(Identifiers.escapeUnsafe("C:\\dir\\file")).isEqualTo("C:\\dir\\file");
    }

    @Test
    void whatSteersATerminalIsEscapedAndALongTextShortened() {
        assertThat(Identifiers.escape("a\u001b[2J\u0000\n\t\u202Eb\\")).isEqualTo("a\\u001B[2J\\u0000\\n\\t\\u202Eb\\\\");
        assertThat(Identifiers.escape("x".repeat(100))).isEqualTo("x".repeat(64) + "...");
        assertThat(Identifiers.escapeUnsafe("line\u001b]0;title\u0007")).isEqualTo("line\\u001B]0;title\\u0007");
        assertThat(Identifiers.firstUnsafe("ok\u2066")).isEqualTo(2);
        assertThat(Identifiers.firstUnsafe("fine")).isEqualTo(-1);
    }

    @Test
    void groupIdsAreLettersDigitsDotsUnderscoresAndDashesUpTo128() {
        assertThat(GroupId.of("my-group_2.v1").value()).isEqualTo("my-group_2.v1");
        assertThat(GroupId.of("g".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> GroupId.of("g".repeat(129))).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Group ID \"" + "g".repeat(64) + "...\" is too long: 129 characters, at most 128");
        assertThatThrownBy(() -> GroupId.of("-x")).hasMessageContaining("holds '-' at position 1");
        assertThatThrownBy(() -> GroupId.of("caf\u00e9")).hasMessageContaining("holds the character U+00E9 at position 4");
        assertThatThrownBy(() -> GroupId.of("")).hasMessage("Group ID must not be blank");
    }

    @Test
    void instanceAndLogicalIdsArePrintableTextOfAtMost1024Characters() {
        assertThat(InstanceId.of("arn:aws:ec2:eu-west-1:123:instance/i-0abc").value()).contains("/");
        assertThat(LogicalId.of("fe80::1").value()).isEqualTo("fe80::1");
        assertThatThrownBy(() -> InstanceId.of("i-1\r\n")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("an instance ID \"i-1\\r\\n\" holds a control character (U+000D) at position 4");
        assertThatThrownBy(() -> LogicalId.of("x".repeat(1025)))
                .hasMessageEndingWith("is too long: 1025 characters, at most 1024");
        assertThatThrownBy(() -> InstanceId.of(" ")).hasMessage("an instance ID must not be blank");
    }

    @Test
    void aPluginNameIsShownEscaped() {
        assertThatThrownBy(() -> PluginName.parse("a/\u001b[2J")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid plugin name 'a/\\u001B[2J': expected lookup[/type], the lookup of letters, digits,"
                        + " '.', '_' and '-'");
        assertThat(new PluginNotFoundException("x\u0007", java.util.List.of()).getMessage())
                .isEqualTo("unknown plugin 'x\\u0007'; known: (none)");
    }
}
