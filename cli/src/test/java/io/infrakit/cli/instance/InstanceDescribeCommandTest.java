package io.infrakit.cli.instance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceDescribeCommandTest {

    @Test
    void badTagsAreRejectedWithTheOption() {
        assertThat(InstanceDescribeCommand.parseTags(List.of("a=b", "c=")))
                .containsEntry("a", "b").containsEntry("c", "");
        assertThatThrownBy(() -> InstanceDescribeCommand.parseTags(List.of("nope")))
                .hasMessage("--tags nope: expected KEY=VALUE");
    }
}
