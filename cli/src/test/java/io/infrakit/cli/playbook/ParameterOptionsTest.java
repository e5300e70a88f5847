package io.infrakit.cli.playbook;

import io.infrakit.common.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterOptionsTest {

    @Test
    void bothFormsGiveTheValue() {
        assertThat(ParameterOptions.parse(List.of("--size", "5", "--key=ssh-ed25519 AAA=", "--zones", "a,b")))
                .containsExactly(Map.entry("size", "5"), Map.entry("key", "ssh-ed25519 AAA="),
                        Map.entry("zones", "a,b"));
    }

    @Test
    void anOptionWithoutAValueSaysHowToGiveOne() {
        assertThatThrownBy(() -> ParameterOptions.parse(List.of("--size")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--size needs a value: --size VALUE or --size=VALUE");
        assertThatThrownBy(() -> ParameterOptions.parse(List.of("--size", "--workers", "2")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void aStrayWordIsRejected() {
        assertThatThrownBy(() -> ParameterOptions.parse(List.of("extra")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument 'extra'; parameters are given as --NAME VALUE");
    }
}
