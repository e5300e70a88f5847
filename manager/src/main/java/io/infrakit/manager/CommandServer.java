package io.infrakit.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.rpc.UnixHttpServers;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The manager's side of the launcher's protocol ({@code docs/cli.md}): {@code POST /run} on
 * {@code $INFRAKIT_HOME/cli.sock}, for the manager's own user alone ({@link UnixHttpServers#start}), runs a command
 * of the caller and streams its stdout, stderr and exit code back as {@link FramedAnswer frames}; {@code POST
 * /cancel} with the command's session is the caller's Ctrl-C. What the command's thread logs goes to its caller's
 * stderr too, at the level its -v chose ({@link CommandLog}). Where a command runs is decided by
 * {@link CommandRunner#place} alone; a command from another build of the CLI or for another home is sent back to
 * run in the caller's JVM, as if no manager ran.
 */
public final class CommandServer implements AutoCloseable {

    public static final String SOCKET = "cli.sock";
    static final String BUILD_HEADER = "X-Infrakit-Build";
    static final String SESSION_HEADER = "X-Infrakit-Session";
    static final String TERMINAL_HEADER = "X-Infrakit-Terminal";
    static final String STDIN_HEADER = "X-Infrakit-Stdin";

    /** How often what a running command printed is sent: often enough to look live, rarely enough to batch. */
    static final Duration DRAIN_INTERVAL = Duration.ofMillis(40);
    /** A quiet command (a watch) still sends this often, so a caller that went away is noticed. */
    static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(5);
    /** The largest request: the arguments, the environment and a spec on stdin. */
    static final long MAX_REQUEST_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CommandServer.class);

    private final Server server;
    private final Path socket;
    private final ExecutorService commands;
    private final ScheduledExecutorService ticker;

    private CommandServer(Server server, Path socket, ExecutorService commands, ScheduledExecutorService ticker) {
        this.server = server;
        this.socket = socket;
        this.commands = commands;
        this.ticker = ticker;
    }

    /** Serves until closed; empty (and logged) when the socket cannot be served, since the CLI works without it. */
    public static Optional<CommandServer> start(InfrakitHome home, String build, CommandRunner runner) {
        Path socket = home.root().resolve(SOCKET);
        ExecutorService commands = Executors.newCachedThreadPool(daemonThreads("cli-command"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("cli-output"));
        Map<String, Running> running = new ConcurrentHashMap<>();
        ticker.scheduleWithFixedDelay(() -> running.values().forEach(Running::drain),
                DRAIN_INTERVAL.toMillis(), DRAIN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> running.values().forEach(Running::keepAlive),
                KEEP_ALIVE_INTERVAL.toMillis(), KEEP_ALIVE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        Server server = UnixHttpServers.create("cli-commands",
                new RunHandler(home, build, runner, commands, running));
        try {
            // The manager's lock on the home is held, so a socket left here is a dead manager's.
            Files.deleteIfExists(socket);
            UnixHttpServers.start(server, socket);
        } catch (Exception e) {
            LOG.warn("not running CLI commands in the manager: cannot serve {}: {}", socket, e.toString());
            UnixHttpServers.stop(server, socket);
            commands.shutdownNow();
            ticker.shutdownNow();
            return Optional.empty();
        }
        LOG.info("running the launcher's commands on {}", socket);
        return Optional.of(new CommandServer(server, socket, commands, ticker));
    }

    @Override
    public void close() {
        UnixHttpServers.stop(server, socket);
        commands.shutdownNow();
        ticker.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A command being run: its answer and its thread, which a cancel or a gone caller interrupts. */
    private static final class Running {

        private final FramedAnswer answer;
        private volatile Thread thread;

        Running(FramedAnswer answer) {
            this.answer = answer;
        }

        void drain() {
            if (!answer.drain()) {
                cancel();
            }
        }

        void keepAlive() {
            if (!answer.keepAlive()) {
                cancel();
            }
        }

        void cancel() {
            Thread running = thread;
            if (running != null) {
                running.interrupt();
            }
        }
    }

    private static final class RunHandler extends Handler.Abstract {

        private final InfrakitHome home;
        private final String build;
        private final CommandRunner runner;
        private final ExecutorService commands;
        private final Map<String, Running> running;

        RunHandler(InfrakitHome home, String build, CommandRunner runner, ExecutorService commands,
                   Map<String, Running> running) {
            this.home = home;
            this.build = build;
            this.runner = runner;
            this.commands = commands;
            this.running = running;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            if (!HttpMethod.POST.is(request.getMethod()) || !("/run".equals(path) || "/cancel".equals(path))) {
                plain(response, callback, HttpStatus.NOT_FOUND_404, "not found\n");
                return true;
            }
            String session = Optional.ofNullable(request.getHeaders().get(SESSION_HEADER)).orElse("");
            if ("/cancel".equals(path)) {
                Optional.ofNullable(running.get(session)).ifPresent(Running::cancel);
                plain(response, callback, HttpStatus.OK_200, "cancelled\n");
                return true;
            }
            long length = request.getLength();
            if (length > MAX_REQUEST_BYTES) {
                plain(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "too large\n");
                return true;
            }
            byte[] body = BufferUtil.toArray(Content.Source.asByteBuffer(request));
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            FramedAnswer answer = new FramedAnswer(response);
            PrintWriter out = new PrintWriter(answer.out(), true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(answer.err(), true, StandardCharsets.UTF_8);
            Optional<Invocation> invocation = build.equals(request.getHeaders().get(BUILD_HEADER))
                    ? Invocation.parse(body, "1".equals(request.getHeaders().get(TERMINAL_HEADER)),
                    "1".equals(request.getHeaders().get(STDIN_HEADER)))
                    : Optional.empty();
            Optional<CommandRunner.Prepared> prepared = invocation.filter(this::sameHome)
                    .map(command -> runner.prepare(command, out, err));
            CommandRunner.Placement placement = prepared.map(CommandRunner.Prepared::placement)
                    .orElse(CommandRunner.Placement.CALLER);
            if (placement == CommandRunner.Placement.CALLER) {
                answer.last("l");
            } else if (placement == CommandRunner.Placement.NEEDS_STDIN && invocation.get().stdin().isEmpty()) {
                answer.last("i");
            } else {
                commands.execute(() -> run(invocation.get(), prepared.get(), out, err, session, answer, callback));
                return true;
            }
            callback.succeeded();
            return true;
        }

        private void run(Invocation invocation, CommandRunner.Prepared prepared, PrintWriter out, PrintWriter err,
                         String session, FramedAnswer answer, Callback callback) {
            Running command = new Running(answer);
            command.thread = Thread.currentThread();
            if (!session.isEmpty()) {
                running.put(session, command);
            }
            int code;
            try (CommandLog log = CommandLog.open(err)) {
                code = prepared.run();
            } finally {
                out.flush();
                err.flush();
                running.remove(session, command);
                command.thread = null;
                Thread.interrupted();
            }
            LOG.info("ran '{}' for the launcher (exit {})", invocation.name(), code);
            answer.exit(code);
            callback.succeeded();
        }

        private boolean sameHome(Invocation invocation) {
            return InfrakitHome.resolve(Optional.empty(), invocation.environment()).root().equals(home.root());
        }

        private static void plain(Response response, Callback callback, int status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
