package io.infrakit.cli;

import java.util.Locale;

/**
 * How much InfraKit's own code ({@code io.infrakit.*}) logs in this command: INFO by default, DEBUG with -v,
 * TRACE with -vv. Other libraries keep the levels simplelogger.properties gives them.
 */
public enum LogLevel {
    INFO,
    DEBUG,
    TRACE;

    /** The system property slf4j-simple reads for a logger and those below it; it wins over the properties file. */
    static final String INFRAKIT_LOGGERS = "org.slf4j.simpleLogger.log.io.infrakit";

    static LogLevel ofVerbosity(int timesGiven) {
        return values()[Math.min(Math.max(timesGiven, 0), values().length - 1)];
    }

    /** The level's name in slf4j-simple's configuration ({@code debug}): what a manager started for it is given. */
    public String simpleLoggerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Raises this process's InfraKit loggers to this level; a level set explicitly (-D) is kept. Loggers are
     * configured when first used, which for InfraKit's is when the command runs, after its options are read.
     */
    void applyToThisProcess() {
        if (this != INFO && System.getProperty(INFRAKIT_LOGGERS) == null) {
            System.setProperty(INFRAKIT_LOGGERS, simpleLoggerName());
        }
    }
}
