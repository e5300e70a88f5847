package io.infrakit.engine.group.simulation;

import io.infrakit.spi.InfrakitException;

/** A simulation that took more real time than it may ({@code INFRAKIT_SIMULATION_TIMEOUT}); nothing was changed. */
public final class SimulationTimeoutException extends InfrakitException {

    public SimulationTimeoutException(String message) {
        super(message);
    }
}
