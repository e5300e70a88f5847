package io.infrakit.engine.group.simulation;

import io.infrakit.engine.group.ControllerSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated world behaves.
 *
 * @param provisionTime how long each plugin operation takes: a provision until the instance is listed, and a
 *                      destroy until it is gone
 * @param healthyTime   how long after its provision an instance becomes healthy
 * @param controller    the controller's own settings (poll interval, parallelism), as on the manager
 * @param limit         the most simulated time to run; a rollout still going then is reported as unfinished
 */
public record SimulationSettings(Duration provisionTime, Duration healthyTime, ControllerSettings controller,
                                 Duration limit) {

    public static final Duration DEFAULT_PROVISION_TIME = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEALTHY_TIME = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LIMIT = Duration.ofDays(30);

    public SimulationSettings {
        Objects.requireNonNull(controller, "controller");
        requireNotNegative(provisionTime, "provision time");
        requireNotNegative(healthyTime, "healthy time");
        requireNotNegative(limit, "limit");
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(DEFAULT_PROVISION_TIME, DEFAULT_HEALTHY_TIME, ControllerSettings.defaults(),
                DEFAULT_LIMIT);
    }

    public SimulationSettings withLatency(Duration provision, Duration healthy) {
        return new SimulationSettings(provision, healthy, controller, limit);
    }

    public SimulationSettings withController(ControllerSettings settings) {
        return new SimulationSettings(provisionTime, healthyTime, settings, limit);
    }

    public SimulationSettings withLimit(Duration newLimit) {
        return new SimulationSettings(provisionTime, healthyTime, controller, newLimit);
    }

    private static void requireNotNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must not be negative, got " + duration);
        }
    }
}
