package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionVariablesTest {

    @TempDir
    Path root;

    @Test
    void aVariableSetByOneTemplateIsReadByTheNextInTheSameSession() {
        TemplateSession session = new Templates(TemplatePolicy.confinedTo(root)).session();

        session.renderString("first.ftl", "${var('cluster', 'prod')}${var('zones', ['a', 'b'])}", root, Map.of());
        Rendered second = session.renderString("second.ftl", "${var('cluster')} ${var('zones')?join('+')}", root,
                Map.of());

        assertThat(second.text()).isEqualTo("prod a+b");
        assertThat(session.globals()).containsEntry("cluster", "prod").containsEntry("zones", List.of("a", "b"));
    }

    @Test
    void sessionsDoNotShareVariables() {
        Templates templates = new Templates(TemplatePolicy.confinedTo(root));
        templates.session().renderString("first.ftl", "${var('cluster', 'prod')}", root, Map.of());

        assertThatThrownBy(() -> templates.session().renderString("second.ftl", "${var('cluster')}", root, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("second.ftl:1:3: Missing variable 'cluster'; set: (none)");
    }

    @Test
    void readingAnUnsetVariableListsTheSetOnes() {
        TemplateSession session = new Templates(TemplatePolicy.confinedTo(root)).session();
        session.renderString("set.ftl", "${var('b', 1)}${var('a', 2)}", root, Map.of());

        assertThatThrownBy(() -> session.renderString("get.ftl", "\n ${var('x')}", root, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("get.ftl:2:4: Missing variable 'x'; set: a, b");
    }

    @Test
    void globalsIsReadOnly() {
        TemplateSession session = new Templates(TemplatePolicy.confinedTo(root)).session();
        session.renderString("set.ftl", "${var('a', 1)}", root, Map.of());

        assertThatThrownBy(() -> session.globals().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
