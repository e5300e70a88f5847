package io.infrakit.cli;

import io.infrakit.manager.CommandLog;
import org.slf4j.event.Level;

/**
 * How much InfraKit's own code ({@code io.infrakit.*}) logs in this command: INFO by default, DEBUG with -v,
 * TRACE with -vv. Other libraries keep the levels the logging setup gives them.
 */
public enum LogLevel {
    INFO,
    DEBUG,
    TRACE;

    static LogLevel ofVerbosity(int timesGiven) {
        return values()[Math.min(Math.max(timesGiven, 0), values().length - 1)];
    }

    /**
     * Raises InfraKit's loggers to this level for this command: in the manager for its thread alone, in its own JVM
     * for the process ({@link CommandLog}). Loggers ask for their level as they log, so this works once the options
     * are read.
     */
    void applyToThisCommand() {
        if (this != INFO) {
            CommandLog.raiseInfrakitLevel(Level.valueOf(name()));
        }
    }
}
