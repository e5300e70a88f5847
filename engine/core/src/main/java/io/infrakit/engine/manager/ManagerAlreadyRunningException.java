package io.infrakit.engine.manager;

import io.infrakit.spi.InfrakitException;

/** A second manager on a home where one already runs. */
public class ManagerAlreadyRunningException extends InfrakitException {

    private final long pid;

    public ManagerAlreadyRunningException(String home, long pid) {
        super("a manager is already running for " + home + " (pid " + pid + ")");
        this.pid = pid;
    }

    /** The same, saying what the running manager is in the way of. */
    public ManagerAlreadyRunningException(long pid, String message) {
        super(message);
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }
}
