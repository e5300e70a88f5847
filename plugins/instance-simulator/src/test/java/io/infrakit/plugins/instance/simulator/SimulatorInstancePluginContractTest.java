package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.testkit.InstancePluginContractTest;

import java.util.List;

class SimulatorInstancePluginContractTest extends InstancePluginContractTest {

    @Override
    protected InstancePlugin plugin() {
        return new SimulatorInstancePlugin("compute", SimulatorSettings.defaults(), new RecordingSleeper());
    }

    @Override
    protected Any validProperties() {
        return Any.parse("{\"simulator_cap\": 100, \"simulator_delay\": \"0s\", \"note\": \"anything else is kept\"}");
    }

    @Override
    protected List<InvalidProperties> invalidProperties() {
        return List.of(
                InvalidProperties.of("[1, 2]", "simulator properties must be a JSON object"),
                InvalidProperties.of("\"small\"", "simulator properties must be a JSON object"),
                InvalidProperties.of("{\"simulator_cap\": -1}", "simulator_cap must be a non-negative integer, got -1"),
                InvalidProperties.of("{\"simulator_cap\": \"ten\"}", "simulator_cap must be a non-negative integer"),
                InvalidProperties.of("{\"simulator_cap\": 2.5}", "simulator_cap must be a non-negative integer"),
                InvalidProperties.of("{\"simulator_delay\": \"soon\"}", "simulator_delay must be a duration"),
                InvalidProperties.of("{\"simulator_delay\": 5}", "simulator_delay must be a duration"),
                InvalidProperties.of("{\"simulator_delay\": \"-1s\"}", "simulator_delay must be a duration"));
    }
}
