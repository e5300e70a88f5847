package io.infrakit.rpc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedObjectsTest {

    private final TypedObjects<String> keyed = new TypedObjects<>(Map.of("", "default", "workers", "workers"));

    @Test
    void anEmptyOrDotTypeIsTheDefaultObject() {
        assertThat(keyed.resolve("")).isEqualTo("default");
        assertThat(keyed.resolve(".")).isEqualTo("default");
        assertThat(keyed.resolve(null)).isEqualTo("default");
        assertThat(keyed.resolveName("group")).isEqualTo("default");
    }

    @Test
    void aNameIsRoutedByItsTypePart() {
        assertThat(keyed.resolveName("group/workers")).isEqualTo("workers");
        assertThat(keyed.resolveName("mux/group/workers")).isEqualTo("workers");
        assertThat(keyed.resolveName("./workers")).isEqualTo("workers");
    }

    @Test
    void aLoneObjectAnswersForTheDefault() {
        assertThat(new TypedObjects<>(Map.of("compute", "compute")).resolve("")).isEqualTo("compute");
        assertThatThrownBy(() -> new TypedObjects<>(Map.of("a", "a", "b", "b")).resolve(""))
                .hasMessage("no-plugin:");
    }

    @Test
    void anUnknownTypeIsNoPlugin() {
        assertThatThrownBy(() -> keyed.resolve("cattle")).hasMessage("no-plugin:cattle");
        assertThatThrownBy(() -> keyed.resolveName("group/cattle")).hasMessage("no-plugin:cattle");
    }
}
