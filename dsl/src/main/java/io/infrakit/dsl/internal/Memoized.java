package io.infrakit.dsl.internal;

import java.util.Objects;
import java.util.function.Supplier;

/** Computes its value once, on first use, and hands the same value to every later caller (thread-safe). */
public final class Memoized<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private T value;

    public Memoized(Supplier<T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(compute.get(), "computed value");
        }
        return value;
    }
}
