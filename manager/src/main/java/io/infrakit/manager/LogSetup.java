package io.infrakit.manager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;

import java.io.PrintWriter;

/**
 * The logging of the CLI and of the manager (Logback, which finds this class through {@code ServiceLoader}; no XML
 * is read). One line per message on stderr, which for the manager is {@code manager.log}: with its ISO-8601 time
 * when {@value #TIMESTAMPS} is set, as the manager is started. InfraKit's own code logs at INFO (a command's -v and
 * -vv raise it, see {@link CommandLog}); JGit and Apache MINA sshd, used by playbook add/update over git and ssh,
 * say at INFO what they set up and at WARN the failures a command already reports in one line: only their errors
 * are shown. Jetty, serving each plugin's socket, says at INFO that it started and stopped each server: only its
 * warnings.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The system property that puts each line's time in front of it. */
    public static final String TIMESTAMPS = "infrakit.log.timestamps";

    private static final String LINE = "[%thread] %level %logger - %msg%n";
    private static final String TIME = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} ";
    /** A command run for a caller logs on its own main thread as far as the caller can tell, as in its own JVM. */
    private static final String CALLERS_LINE = "[main] %level %logger - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        context.getLogger("org.eclipse.jgit").setLevel(Level.ERROR);
        context.getLogger("org.apache.sshd").setLevel(Level.ERROR);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);

        CommandLevel commandLevel = new CommandLevel();
        commandLevel.setContext(context);
        commandLevel.start();
        context.addTurboFilter(commandLevel);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern((Boolean.getBoolean(TIMESTAMPS) ? TIME : "") + LINE);
        encoder.start();
        AtLoggerLevel processLevel = new AtLoggerLevel(context);
        processLevel.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.addFilter(processLevel);
        stderr.start();
        root.addAppender(stderr);

        PatternLayout callersLine = new PatternLayout();
        callersLine.setContext(context);
        callersLine.setPattern(CALLERS_LINE);
        callersLine.start();
        CallersStderr callers = new CallersStderr(callersLine);
        callers.setContext(context);
        callers.setName("callers-stderr");
        callers.start();
        root.addAppender(callers);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets a logger's level (and that of those below it) for the whole process. */
    public static void setLevel(String logger, org.slf4j.event.Level level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger logback) {
            logback.setLevel(Level.toLevel(level.name()));
        }
    }

    /** Lets through what InfraKit's code logs on a command's thread at the level the command raised it to. */
    static final class CommandLevel extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            String raised = MDC.get(CommandLog.LEVEL);
            if (raised == null || level == null || !isInfrakits(logger.getName())) {
                return FilterReply.NEUTRAL;
            }
            return level.isGreaterOrEqual(Level.toLevel(raised)) ? FilterReply.ACCEPT : FilterReply.NEUTRAL;
        }

        private static boolean isInfrakits(String logger) {
            return logger.startsWith(CommandLog.INFRAKIT_LOGGERS)
                    && (logger.length() == CommandLog.INFRAKIT_LOGGERS.length()
                    || logger.charAt(CommandLog.INFRAKIT_LOGGERS.length()) == '.');
        }
    }

    /** The process's own log keeps the process's levels: not what a command raised for itself alone. */
    static final class AtLoggerLevel extends Filter<ILoggingEvent> {

        private final LoggerContext loggers;

        AtLoggerLevel(LoggerContext loggers) {
            this.loggers = loggers;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            Level level = loggers.getLogger(event.getLoggerName()).getEffectiveLevel();
            return event.getLevel().isGreaterOrEqual(level) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }

    /**
     * What a command's thread logged, on its caller's stderr (the {@code e} frames). Every such event is the
     * command's: it passed the logger's level or the level the command raised.
     */
    static final class CallersStderr extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final PatternLayout line;

        CallersStderr(PatternLayout line) {
            this.line = line;
        }

        @Override
        protected void append(ILoggingEvent event) {
            CommandLog.stderrOf(event.getMDCPropertyMap()).ifPresent(stderr -> write(stderr, line.doLayout(event)));
        }

        private static void write(PrintWriter stderr, String text) {
            stderr.print(text);
            stderr.flush();
        }
    }
}
