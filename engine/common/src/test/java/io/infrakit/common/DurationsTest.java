package io.infrakit.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "0s, 0",
        "100ms, 100000000",
        "1s, 1000000000",
        "1m30s, 90000000000",
        "2h, 7200000000000",
        "1.5h, 5400000000000",
        ".5s, 500000000",
        "1.s, 1000000000",
        "-2s, -2000000000",
        "+3ms, 3000000",
        "250us, 250000",
        "250\u00b5s, 250000",
        "7ns, 7",
        "1h2m3s4ms, 3723004000000",
        "' 15s ', 15000000000"
    })
    void parsesGoDurations(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "s", "10 s", "1x", "1.2.3s", ".s", "-", "ms100", "1s-2s"})
    void rejectsWhatGoRejectsNamingTheText(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void rejectsDurationsBeyondRange() {
        assertThatThrownBy(() -> Durations.parse("9999999999h")).hasMessageContaining("out of range");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "7, 7ns",
        "1500, 1.5\u00b5s",
        "100000000, 100ms",
        "1000000000, 1s",
        "1500000000, 1.5s",
        "60000000000, 1m0s",
        "90000000000, 1m30s",
        "3600000000000, 1h0m0s",
        "-2000000000, -2s"
    })
    void formatsAsGoPrints(long nanos, String text) {
        assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }
}
