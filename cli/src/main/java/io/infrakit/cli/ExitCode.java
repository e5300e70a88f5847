package io.infrakit.cli;

import io.infrakit.manager.ManagerUnreachableException;
import io.infrakit.manager.process.PluginNameTakenException;
import io.infrakit.manager.process.PluginProcessException;
import io.infrakit.engine.group.simulation.SimulationTimeoutException;
import io.infrakit.engine.manager.ManagerAlreadyRunningException;
import io.infrakit.rpc.PluginUnavailableException;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.PlaybookFetchException;
import io.infrakit.common.UsageException;
import io.infrakit.spi.PluginNotFoundException;

/** The one table of exit codes (docs/cli.md, "Exit codes"). */
public final class ExitCode {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INVALID_SPEC = 3;
    public static final int PLUGIN = 4;
    public static final int FETCH = 5;
    public static final int NOT_CONVERGED = 6;
    public static final int MANAGER = 7;
    /** Not an exit code: a foreground daemon returns it so main does not exit while its threads serve. */
    static final int STAY_RUNNING = -1;

    private ExitCode() {
    }

    public static int of(Throwable error) {
        if (error instanceof InvalidSpecException) {
            return INVALID_SPEC;
        }
        if (error instanceof PluginNotFoundException || error instanceof IncompatiblePluginException
                || error instanceof PluginProcessException) {
            return PLUGIN;
        }
        if (error instanceof PlaybookFetchException) {
            return FETCH;
        }
        if (error instanceof UsageException) {
            return USAGE;
        }
        if (error instanceof NotConvergedException || error instanceof SimulationTimeoutException) {
            return NOT_CONVERGED;
        }
        if (error instanceof ManagerAlreadyRunningException || error instanceof PluginUnavailableException
                || error instanceof ManagerUnreachableException || error instanceof PluginNameTakenException) {
            return MANAGER;
        }
        return INTERNAL;
    }
}
