package io.infrakit.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one evaluation of a playbook script may run, and how much more heap the JVM may hold while it runs
 * (what a collection frees does not count).
 */
public record SandboxLimits(Duration timeout, long memoryBytes) {

    public SandboxLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive, got " + memoryBytes);
        }
    }

    /** 10 seconds and 256 MiB. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(10), 256L * 1024 * 1024);
    }
}
