package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorSettingsTest {

    @Test
    void withoutVariablesTheSimulatorIsFastReliableAndUnlimited() {
        SimulatorSettings settings = SimulatorSettings.fromEnvironment(Map.of("INFRAKIT_SIMULATOR_SEED", " "));

        assertThat(settings).isEqualTo(SimulatorSettings.defaults());
        assertThat(settings.instanceTypes()).containsExactly("compute", "net", "disk");
        assertThat(settings.capacity()).isEqualTo(SimulatorSettings.UNLIMITED);
    }

    @Test
    void readsEveryVariable() {
        SimulatorSettings settings = SimulatorSettings.fromEnvironment(Map.of(
                "INFRAKIT_SIMULATOR_SEED", "-12",
                "INFRAKIT_SIMULATOR_PROVISION_DELAY", "100ms",
                "INFRAKIT_SIMULATOR_DESTROY_DELAY", "1m30s",
                "INFRAKIT_SIMULATOR_FAILURE_RATE", "0.25",
                "INFRAKIT_SIMULATOR_CAPACITY", "10",
                "INFRAKIT_SIMULATOR_INSTANCE_TYPES", " vm, ,volume,vm ",
                "INFRAKIT_SIMULATOR_DESTROY_FAILURE_RATE", "0.5",
                "INFRAKIT_SIMULATOR_DESCRIBE_FAILURE_RATE", "1"));

        assertThat(settings).isEqualTo(new SimulatorSettings(
                -12, Duration.ofMillis(100), Duration.ofSeconds(90), 0.25, 10, List.of("vm", "volume"), 0.5, 1));
    }

    @Test
    void withoutVariablesNothingFails() {
        SimulatorSettings settings = SimulatorSettings.fromEnvironment(Map.of());

        assertThat(settings.failureRate()).isZero();
        assertThat(settings.destroyFailureRate()).isZero();
        assertThat(settings.describeFailureRate()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INFRAKIT_SIMULATOR_SEED | forty-two",
        "INFRAKIT_SIMULATOR_PROVISION_DELAY | 100",
        "INFRAKIT_SIMULATOR_PROVISION_DELAY | -1s",
        "INFRAKIT_SIMULATOR_DESTROY_DELAY | soon",
        "INFRAKIT_SIMULATOR_FAILURE_RATE | 1.5",
        "INFRAKIT_SIMULATOR_FAILURE_RATE | NaN",
        "INFRAKIT_SIMULATOR_FAILURE_RATE | often",
        "INFRAKIT_SIMULATOR_DESTROY_FAILURE_RATE | -0.1",
        "INFRAKIT_SIMULATOR_DESTROY_FAILURE_RATE | half",
        "INFRAKIT_SIMULATOR_DESCRIBE_FAILURE_RATE | 2",
        "INFRAKIT_SIMULATOR_DESCRIBE_FAILURE_RATE | NaN",
        "INFRAKIT_SIMULATOR_CAPACITY | -1",
        "INFRAKIT_SIMULATOR_CAPACITY | 1e3",
        "INFRAKIT_SIMULATOR_INSTANCE_TYPES | compute,a b"
    })
    void aBadValueIsAnInvalidSpecNamingTheVariableAndTheValue(String variable, String value) {
        assertThatThrownBy(() -> SimulatorSettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("invalid " + variable + " \"" + value + "\": expected ");
    }
}
