package io.infrakit.engine.group;

import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.LogicalId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The controller's options, from InfraKit's environment variables.
 *
 * @param pollInterval  how often every group is observed again ({@code INFRAKIT_GROUP_POLL_INTERVAL}, default 10s)
 * @param maxParallel   plugin operations at once per group, 0 for no limit ({@code INFRAKIT_GROUP_MAX_PARALLEL_NUM})
 * @param self          the logical ID of the node this controller runs on, or null
 *                      ({@code INFRAKIT_GROUP_SELF_LOGICAL_ID}); it is never destroyed by a rolling update
 * @param logsMembers   whether each provision and destroy is logged (at INFO); a simulation's controller does
 *                      not, or its thousands of simulated instances would flood whatever log it runs beside
 */
public record ControllerSettings(Duration pollInterval, int maxParallel, LogicalId self, boolean logsMembers) {

    public static final String POLL_INTERVAL = "INFRAKIT_GROUP_POLL_INTERVAL";
    public static final String MAX_PARALLEL = "INFRAKIT_GROUP_MAX_PARALLEL_NUM";
    public static final String SELF_LOGICAL_ID = "INFRAKIT_GROUP_SELF_LOGICAL_ID";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    public ControllerSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, got " + pollInterval);
        }
        if (maxParallel < 0) {
            throw new IllegalArgumentException("max parallel must not be negative, got " + maxParallel);
        }
    }

    public ControllerSettings(Duration pollInterval, int maxParallel, LogicalId self) {
        this(pollInterval, maxParallel, self, true);
    }

    public static ControllerSettings defaults() {
        return new ControllerSettings(DEFAULT_POLL_INTERVAL, 0, null);
    }

    public static ControllerSettings fromEnvironment(Map<String, String> environment) {
        Duration poll = DEFAULT_POLL_INTERVAL;
        String pollText = environment.get(POLL_INTERVAL);
        if (pollText != null && !pollText.isBlank()) {
            try {
                poll = Durations.parse(pollText);
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException(POLL_INTERVAL + ": " + e.getMessage(), e);
            }
        }
        int maxParallel = 0;
        String parallelText = environment.get(MAX_PARALLEL);
        if (parallelText != null && !parallelText.isBlank()) {
            try {
                maxParallel = Integer.parseInt(parallelText.strip());
            } catch (NumberFormatException e) {
                throw new InvalidSpecException(MAX_PARALLEL + ": expected a number, got \"" + parallelText + "\"", e);
            }
        }
        String self = environment.get(SELF_LOGICAL_ID);
        try {
            return new ControllerSettings(poll, maxParallel,
                    self == null || self.isBlank() ? null : LogicalId.of(self.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage(), e);
        }
    }

    public ControllerSettings withPollInterval(Duration interval) {
        return new ControllerSettings(interval, maxParallel, self, logsMembers);
    }

    public ControllerSettings withMaxParallel(int max) {
        return new ControllerSettings(pollInterval, max, self, logsMembers);
    }

    public ControllerSettings withSelf(LogicalId logicalId) {
        return new ControllerSettings(pollInterval, maxParallel, logicalId, logsMembers);
    }

    public ControllerSettings withoutMemberLog() {
        return new ControllerSettings(pollInterval, maxParallel, self, false);
    }
}
