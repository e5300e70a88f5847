package io.infrakit.plugins.instance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;

import java.time.Duration;

/**
 * What an instance spec's properties ask of the simulator: {@code simulator_cap} lowers the store's capacity,
 * {@code simulator_delay} replaces the provision delay. Any other property is kept but means nothing here.
 */
record SimulatorProperties(int capacity, Duration provisionDelay) {

    static final String CAP = "simulator_cap";
    static final String DELAY = "simulator_delay";

    /** Resolves the properties against the settings; throws InvalidSpecException naming a bad property. */
    static SimulatorProperties parse(Any properties, SimulatorSettings settings) {
        if (properties.isEmpty()) {
            return new SimulatorProperties(settings.capacity(), settings.provisionDelay());
        }
        JsonNode node = properties.node();
        if (!node.isObject()) {
            throw new InvalidSpecException("simulator properties must be a JSON object, got " + node);
        }
        int capacity = settings.capacity();
        if (node.has(CAP)) {
            capacity = Math.min(capacity, cap(node.get(CAP)));
        }
        Duration delay = node.has(DELAY) ? delay(node.get(DELAY)) : settings.provisionDelay();
        return new SimulatorProperties(capacity, delay);
    }

    private static int cap(JsonNode value) {
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new InvalidSpecException(CAP + " must be a non-negative integer, got " + value);
        }
        return value.asInt();
    }

    private static Duration delay(JsonNode value) {
        try {
            Duration delay = Durations.parse(value.isTextual() ? value.textValue() : value.toString());
            if (!delay.isNegative()) {
                return delay;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the property's name
        }
        throw new InvalidSpecException(DELAY + " must be a duration such as 100ms or 1s, got " + value);
    }
}
