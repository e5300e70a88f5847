package io.infrakit.dsl;

import java.time.Duration;
import java.util.Objects;

/** How long one evaluation of a playbook script may run, and how much memory its thread may allocate. */
public record SandboxLimits(Duration timeout, long allocationBudgetBytes) {

    public SandboxLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (allocationBudgetBytes <= 0) {
            throw new IllegalArgumentException("allocationBudgetBytes must be positive, got " + allocationBudgetBytes);
        }
    }

    /** 10 seconds and 256 MiB. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(10), 256L * 1024 * 1024);
    }
}
