package io.infrakit.engine.group.simulation;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated world behaves, and how far a simulation may go.
 *
 * @param provisionTime how long each plugin operation takes: a provision until the instance is listed, and a
 *                      destroy until it is gone
 * @param healthyTime   how long after its provision an instance becomes healthy
 * @param controller    the controller's own settings (poll interval, parallelism), as on the manager
 * @param limit         the most simulated time to run; a rollout still going then is reported as unfinished
 * @param maxSize       the most instances a simulated group may have ({@code INFRAKIT_SIMULATION_MAX_SIZE})
 * @param wallTimeLimit the most real time a simulation may take ({@code INFRAKIT_SIMULATION_TIMEOUT})
 */
public record SimulationSettings(Duration provisionTime, Duration healthyTime, ControllerSettings controller,
                                 Duration limit, int maxSize, Duration wallTimeLimit) {

    public static final String MAX_SIZE = "INFRAKIT_SIMULATION_MAX_SIZE";
    public static final String TIMEOUT = "INFRAKIT_SIMULATION_TIMEOUT";
    public static final Duration DEFAULT_PROVISION_TIME = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEALTHY_TIME = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LIMIT = Duration.ofDays(30);
    public static final int DEFAULT_MAX_SIZE = 100_000;
    public static final Duration DEFAULT_WALL_TIME_LIMIT = Duration.ofMinutes(5);

    public SimulationSettings {
        Objects.requireNonNull(controller, "controller");
        requireNotNegative(provisionTime, "provision time");
        requireNotNegative(healthyTime, "healthy time");
        requireNotNegative(limit, "limit");
        if (maxSize < 1) {
            throw new IllegalArgumentException("the most instances must be at least 1, got " + maxSize);
        }
        requireNotNegative(wallTimeLimit, "wall time limit");
        if (wallTimeLimit.isZero()) {
            throw new IllegalArgumentException("the wall time limit must be positive");
        }
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(DEFAULT_PROVISION_TIME, DEFAULT_HEALTHY_TIME, ControllerSettings.defaults(),
                DEFAULT_LIMIT, DEFAULT_MAX_SIZE, DEFAULT_WALL_TIME_LIMIT);
    }

    public SimulationSettings withLatency(Duration provision, Duration healthy) {
        return new SimulationSettings(provision, healthy, controller, limit, maxSize, wallTimeLimit);
    }

    public SimulationSettings withController(ControllerSettings settings) {
        return new SimulationSettings(provisionTime, healthyTime, settings, limit, maxSize, wallTimeLimit);
    }

    public SimulationSettings withLimit(Duration newLimit) {
        return new SimulationSettings(provisionTime, healthyTime, controller, newLimit, maxSize, wallTimeLimit);
    }

    public SimulationSettings withBounds(int newMaxSize, Duration newWallTimeLimit) {
        return new SimulationSettings(provisionTime, healthyTime, controller, limit, newMaxSize, newWallTimeLimit);
    }

    /** The size and wall-time bounds from {@code INFRAKIT_SIMULATION_MAX_SIZE} and {@code _TIMEOUT}, if set. */
    public SimulationSettings withBoundsFrom(Map<String, String> environment) {
        int size = maxSize;
        String sizeText = environment.get(MAX_SIZE);
        if (sizeText != null && !sizeText.isBlank()) {
            try {
                size = Integer.parseInt(sizeText.strip());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1) {
                throw new InvalidSpecException(MAX_SIZE + ": expected a positive number, got \"" + sizeText + "\"");
            }
        }
        Duration wallTime = wallTimeLimit;
        String timeText = environment.get(TIMEOUT);
        if (timeText != null && !timeText.isBlank()) {
            try {
                wallTime = Durations.parse(timeText);
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException(TIMEOUT + ": " + e.getMessage(), e);
            }
            if (wallTime.isNegative() || wallTime.isZero()) {
                throw new InvalidSpecException(TIMEOUT + ": expected a positive duration, got \"" + timeText + "\"");
            }
        }
        return withBounds(size, wallTime);
    }

    private static void requireNotNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must not be negative, got " + duration);
        }
    }
}
