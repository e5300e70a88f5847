package io.infrakit.dsl.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookPathsTest {

    @Test
    void normalisesPathsThatStayInsideThePlaybook() {
        assertThat(PlaybookPaths.inside("groups/./workers.json.ftl")).isEqualTo("groups/workers.json.ftl");
        assertThat(PlaybookPaths.inside("a/b/../c.yml")).isEqualTo("a/c.yml");
        assertThat(PlaybookPaths.inside("a//b\\c.yml")).isEqualTo("a/b/c.yml");
    }

    @Test
    void refusesAbsolutePathsAndPathsThatLeaveThePlaybook() {
        assertThatThrownBy(() -> PlaybookPaths.inside("/etc/passwd")).hasMessage(
                "path '/etc/passwd' must be relative to the playbook");
        assertThatThrownBy(() -> PlaybookPaths.inside("\\\\server\\share")).hasMessageContaining("must be relative");
        assertThatThrownBy(() -> PlaybookPaths.inside("c:x.yml")).hasMessageContaining("must be relative");
        assertThatThrownBy(() -> PlaybookPaths.inside("a/../../b")).hasMessage(
                "path 'a/../../b' leaves the playbook directory");
        assertThatThrownBy(() -> PlaybookPaths.inside("a/..")).hasMessage(
                "path 'a/..' names the playbook directory itself");
        assertThatThrownBy(() -> PlaybookPaths.inside(" ")).hasMessage("a path must not be empty");
    }
}
