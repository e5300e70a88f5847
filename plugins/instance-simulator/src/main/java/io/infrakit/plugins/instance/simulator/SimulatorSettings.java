package io.infrakit.plugins.instance.simulator;

import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a simulator behaves, from the {@code INFRAKIT_SIMULATOR_*} environment variables.
 *
 * @param seed          seeds the IDs and the failures, so that one seed always gives the same run
 * @param provisionDelay how long each provision takes
 * @param destroyDelay  how long each destroy takes
 * @param failureRate   the probability, from 0 to 1, that a provision fails
 * @param capacity      the most instances one store holds; {@link #UNLIMITED} for no limit
 * @param instanceTypes the typed stores besides the default one, such as {@code compute}
 * @param destroyFailureRate  the probability, from 0 to 1, that a destroy fails (after its delay; the instance stays)
 * @param describeFailureRate the probability, from 0 to 1, that a describe fails
 */
public record SimulatorSettings(long seed,
                                Duration provisionDelay,
                                Duration destroyDelay,
                                double failureRate,
                                int capacity,
                                List<String> instanceTypes,
                                double destroyFailureRate,
                                double describeFailureRate) {

    public static final String SEED = "INFRAKIT_SIMULATOR_SEED";
    public static final String PROVISION_DELAY = "INFRAKIT_SIMULATOR_PROVISION_DELAY";
    public static final String DESTROY_DELAY = "INFRAKIT_SIMULATOR_DESTROY_DELAY";
    public static final String FAILURE_RATE = "INFRAKIT_SIMULATOR_FAILURE_RATE";
    public static final String CAPACITY = "INFRAKIT_SIMULATOR_CAPACITY";
    public static final String INSTANCE_TYPES = "INFRAKIT_SIMULATOR_INSTANCE_TYPES";
    public static final String DESTROY_FAILURE_RATE = "INFRAKIT_SIMULATOR_DESTROY_FAILURE_RATE";
    public static final String DESCRIBE_FAILURE_RATE = "INFRAKIT_SIMULATOR_DESCRIBE_FAILURE_RATE";

    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final List<String> DEFAULT_INSTANCE_TYPES = List.of("compute", "net", "disk");

    private static final String A_DURATION = "a duration such as 100ms or 1s";
    private static final String A_RATE = "a number from 0 to 1";
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public SimulatorSettings {
        Objects.requireNonNull(provisionDelay, "provisionDelay");
        Objects.requireNonNull(destroyDelay, "destroyDelay");
        if (provisionDelay.isNegative() || destroyDelay.isNegative()) {
            throw new IllegalArgumentException("simulated delays must not be negative");
        }
        requireRate(failureRate, "failure rate");
        requireRate(destroyFailureRate, "destroy failure rate");
        requireRate(describeFailureRate, "describe failure rate");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, got " + capacity);
        }
        instanceTypes = List.copyOf(new LinkedHashSet<>(instanceTypes));
        for (String type : instanceTypes) {
            if (!TYPE_NAME.matcher(type).matches()) {
                throw new IllegalArgumentException("invalid instance type '" + type + "'");
            }
        }
    }

    /** A deterministic simulator (seed 0) with no delays, no failures, no capacity limit and the default types. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(0, Duration.ZERO, Duration.ZERO, 0, UNLIMITED, DEFAULT_INSTANCE_TYPES, 0, 0);
    }

    /** Reads the variables that are set and not blank; throws InvalidSpecException naming a bad variable and value. */
    public static SimulatorSettings fromEnvironment(Map<String, String> environment) {
        Environment env = new Environment(environment);
        SimulatorSettings defaults = defaults();
        return new SimulatorSettings(
                env.read(SEED, defaults.seed(), Long::parseLong, "an integer"),
                env.read(PROVISION_DELAY, defaults.provisionDelay(), SimulatorSettings::delay, A_DURATION),
                env.read(DESTROY_DELAY, defaults.destroyDelay(), SimulatorSettings::delay, A_DURATION),
                env.read(FAILURE_RATE, defaults.failureRate(), SimulatorSettings::rate, A_RATE),
                env.read(CAPACITY, defaults.capacity(), SimulatorSettings::count, "a non-negative integer"),
                env.read(INSTANCE_TYPES, defaults.instanceTypes(), SimulatorSettings::types,
                        "a comma-separated list of names such as compute,net,disk"),
                env.read(DESTROY_FAILURE_RATE, defaults.destroyFailureRate(), SimulatorSettings::rate, A_RATE),
                env.read(DESCRIBE_FAILURE_RATE, defaults.describeFailureRate(), SimulatorSettings::rate, A_RATE));
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(newSeed, provisionDelay, destroyDelay, failureRate, capacity, instanceTypes,
                destroyFailureRate, describeFailureRate);
    }

    public SimulatorSettings withDelays(Duration provision, Duration destroy) {
        return new SimulatorSettings(seed, provision, destroy, failureRate, capacity, instanceTypes,
                destroyFailureRate, describeFailureRate);
    }

    /** The share of provisions that fail. */
    public SimulatorSettings withFailureRate(double rate) {
        return new SimulatorSettings(seed, provisionDelay, destroyDelay, rate, capacity, instanceTypes,
                destroyFailureRate, describeFailureRate);
    }

    public SimulatorSettings withDestroyFailureRate(double rate) {
        return new SimulatorSettings(seed, provisionDelay, destroyDelay, failureRate, capacity, instanceTypes,
                rate, describeFailureRate);
    }

    public SimulatorSettings withDescribeFailureRate(double rate) {
        return new SimulatorSettings(seed, provisionDelay, destroyDelay, failureRate, capacity, instanceTypes,
                destroyFailureRate, rate);
    }

    public SimulatorSettings withCapacity(int newCapacity) {
        return new SimulatorSettings(seed, provisionDelay, destroyDelay, failureRate, newCapacity, instanceTypes,
                destroyFailureRate, describeFailureRate);
    }

    public SimulatorSettings withInstanceTypes(List<String> types) {
        return new SimulatorSettings(seed, provisionDelay, destroyDelay, failureRate, capacity, types,
                destroyFailureRate, describeFailureRate);
    }

    private static void requireRate(double rate, String what) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(what + " must be from 0 to 1, got " + rate);
        }
    }

    private static Duration delay(String text) {
        Duration delay = Durations.parse(text);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative");
        }
        return delay;
    }

    private static double rate(String text) {
        double rate = Double.parseDouble(text);
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return rate;
    }

    private static int count(String text) {
        int count = Integer.parseInt(text);
        if (count < 0) {
            throw new IllegalArgumentException("negative");
        }
        return count;
    }

    private static List<String> types(String text) {
        List<String> types = Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        if (!types.stream().allMatch(type -> TYPE_NAME.matcher(type).matches())) {
            throw new IllegalArgumentException("invalid name");
        }
        return types;
    }

    private record Environment(Map<String, String> variables) {

        <T> T read(String name, T fallback, Function<String, T> parser, String expected) {
            String value = variables.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return parser.apply(value.trim());
            } catch (RuntimeException e) {
                throw new InvalidSpecException(
                        "invalid " + name + " \"" + value + "\": expected " + expected, e);
            }
        }
    }
}
