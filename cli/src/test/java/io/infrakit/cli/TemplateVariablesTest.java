package io.infrakit.cli;

import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateVariablesTest {

    @Test
    void valuesAreTypedAsInfrakitTypesThem() {
        assertThat(TemplateVariables.parse(List.of("size=3", " flag = true ", "name=web", "ratio=1.5", "empty=")))
                .containsEntry("size", 3L)
                .containsEntry("flag", true)
                .containsEntry("name", "web")
                .containsEntry("ratio", "1.5")
                .containsEntry("empty", "");
    }

    @Test
    void anAssignmentWithoutANameIsAnError() {
        assertThatThrownBy(() -> TemplateVariables.parse(List.of("=3")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("--var =3: expected NAME=VALUE");
    }
}
