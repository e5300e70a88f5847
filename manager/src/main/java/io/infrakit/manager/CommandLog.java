package io.infrakit.manager;

import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log of a command the manager runs for a caller: what the command's thread logs at the command's level goes
 * to the caller's stderr, while the manager's log keeps its own level ({@code docs/cli.md}, "Help, logs,
 * version"). The command's thread carries its id (and, with -v, its level) in the MDC, which {@link LogSetup}'s
 * filter and appender read; threads the command's work starts elsewhere (the controller's) are not the command's.
 */
public final class CommandLog implements AutoCloseable {

    /** MDC: the id of the command this thread runs for a caller. */
    static final String COMMAND = "infrakit.command";
    /** MDC: the level InfraKit's own loggers log at for this command, when raised above the process's. */
    static final String LEVEL = "infrakit.command.level";
    /** The loggers -v and -vv raise: InfraKit's own. */
    static final String INFRAKIT_LOGGERS = "io.infrakit";

    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<String, PrintWriter> STDERR = new ConcurrentHashMap<>();

    private final String id;

    private CommandLog(String id) {
        this.id = id;
    }

    /** On the command's thread, before it runs: its log goes to this stderr until closed. */
    static CommandLog open(PrintWriter stderr) {
        String id = Long.toString(IDS.incrementAndGet());
        STDERR.put(id, stderr);
        MDC.put(COMMAND, id);
        return new CommandLog(id);
    }

    /**
     * Raises InfraKit's loggers to this level for the command running on this thread: in the manager, for this
     * command alone; in a command's own JVM, for the whole process, whose log is the command's.
     */
    public static void raiseInfrakitLevel(Level level) {
        if (MDC.get(COMMAND) != null) {
            MDC.put(LEVEL, level.name());
        } else {
            LogSetup.setLevel(INFRAKIT_LOGGERS, level);
        }
    }

    /** The stderr of the caller whose command logged this, if a command did. */
    static Optional<PrintWriter> stderrOf(Map<String, String> mdc) {
        String command = mdc.get(COMMAND);
        return command == null ? Optional.empty() : Optional.ofNullable(STDERR.get(command));
    }

    @Override
    public void close() {
        MDC.remove(LEVEL);
        MDC.remove(COMMAND);
        STDERR.remove(id);
    }
}
