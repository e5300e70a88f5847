package io.infrakit.testkit;

import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A flavor whose answers a test scripts: health is a function of the instance (every instance healthy unless told
 * otherwise), with per-instance overrides; prepare applies a function to the spec (unchanged by default); validate
 * runs a check (accepts everything by default). Prepared indexes and drained instances are recorded. Thread-safe.
 */
public final class ScriptedFlavorPlugin implements FlavorPlugin {

    private Function<InstanceDescription, Health> health;
    private UnaryOperator<InstanceSpec> preparation = UnaryOperator.identity();
    private Consumer<Any> validation = properties -> { };
    private final Map<InstanceId, Health> healthOverrides = new HashMap<>();
    private final List<Index> prepared = new ArrayList<>();
    private final List<InstanceDescription> drained = new ArrayList<>();

    public ScriptedFlavorPlugin() {
        this(instance -> Health.HEALTHY);
    }

    public ScriptedFlavorPlugin(Function<InstanceDescription, Health> health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Replaces the health function for instances that have no override. */
    public synchronized ScriptedFlavorPlugin health(Function<InstanceDescription, Health> newHealth) {
        this.health = Objects.requireNonNull(newHealth, "health");
        return this;
    }

    /** From now on this instance has this health, whatever the function says. */
    public synchronized ScriptedFlavorPlugin health(InstanceId id, Health fixed) {
        healthOverrides.put(id, Objects.requireNonNull(fixed, "health"));
        return this;
    }

    public synchronized ScriptedFlavorPlugin prepareWith(UnaryOperator<InstanceSpec> newPreparation) {
        this.preparation = Objects.requireNonNull(newPreparation, "preparation");
        return this;
    }

    /** The check validate runs; it throws (InvalidSpecException, typically) to reject. */
    public synchronized ScriptedFlavorPlugin validateWith(Consumer<Any> newValidation) {
        this.validation = Objects.requireNonNull(newValidation, "validation");
        return this;
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        Consumer<Any> check;
        synchronized (this) {
            check = validation;
        }
        check.accept(properties);
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        UnaryOperator<InstanceSpec> prepare;
        synchronized (this) {
            prepared.add(index);
            prepare = preparation;
        }
        return prepare.apply(spec);
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        Function<InstanceDescription, Health> judge;
        synchronized (this) {
            Health fixed = healthOverrides.get(instance.id());
            if (fixed != null) {
                return fixed;
            }
            judge = health;
        }
        return judge.apply(instance);
    }

    @Override
    public synchronized void drain(Any properties, InstanceDescription instance) {
        drained.add(instance);
    }

    /** The indexes prepare was called with, in order. */
    public synchronized List<Index> prepared() {
        return List.copyOf(prepared);
    }

    /** The instances drain was called with, in order. */
    public synchronized List<InstanceDescription> drained() {
        return List.copyOf(drained);
    }
}
