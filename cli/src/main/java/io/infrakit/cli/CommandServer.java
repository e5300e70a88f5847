package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.rpc.UnixHttpServers;
import io.infrakit.spi.group.GroupPlugin;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs short CLI commands inside the manager, whose JVM is warm, for the launcher: {@code POST /run} on
 * {@code $INFRAKIT_HOME/cli.sock}, for the manager's own user alone ({@link UnixHttpServers#start}). A command from another build of the CLI, for another home, or one
 * that does not qualify ({@link InManagerCommand#qualifies()}) is answered 409 without running, and the launcher
 * runs it in its own JVM. The answer to one that ran: {@code exit \n stdout-length \n stdout stderr}. Commands run
 * here call the manager's group plugin directly, not over its socket.
 */
final class CommandServer implements AutoCloseable {

    static final String SOCKET = "cli.sock";
    static final String BUILD_HEADER = "X-Infrakit-Build";

    private static final Logger LOG = LoggerFactory.getLogger(CommandServer.class);

    private final Server server;
    private final Path socket;

    private CommandServer(Server server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    /** Serves until closed; empty (and logged) when the socket cannot be served, since the CLI works without it. */
    static Optional<CommandServer> start(InfrakitHome home, String build, Optional<GroupPlugin> managerGroups) {
        Path socket = home.root().resolve(SOCKET);
        Server server = UnixHttpServers.create("cli-commands", new RunHandler(home, build, managerGroups.orElse(null)));
        try {
            // The manager's lock on the home is held, so a socket left here is a dead manager's.
            Files.deleteIfExists(socket);
            UnixHttpServers.start(server, socket);
        } catch (Exception e) {
            LOG.warn("not running CLI commands in the manager: cannot serve {}: {}", socket, e.toString());
            UnixHttpServers.stop(server, socket);
            return Optional.empty();
        }
        LOG.info("running the launcher's short commands on {}", socket);
        return Optional.of(new CommandServer(server, socket));
    }

    @Override
    public void close() {
        UnixHttpServers.stop(server, socket);
    }

    private static final class RunHandler extends Handler.Abstract {

        private final InfrakitHome home;
        private final String build;
        private final GroupPlugin managerGroups;

        RunHandler(InfrakitHome home, String build, GroupPlugin managerGroups) {
            this.home = home;
            this.build = build;
            this.managerGroups = managerGroups;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!HttpMethod.POST.is(request.getMethod()) || !"/run".equals(Request.getPathInContext(request))) {
                answer(response, callback, HttpStatus.NOT_FOUND_404, "not found\n".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            if (!build.equals(request.getHeaders().get(BUILD_HEADER))) {
                answer(response, callback, HttpStatus.CONFLICT_409, "another build\n".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            Optional<InManagerCommand> command = InManagerCommand.parse(
                    BufferUtil.toArray(Content.Source.asByteBuffer(request)));
            if (command.isEmpty() || !command.get().qualifies() || !sameHome(command.get())) {
                answer(response, callback, HttpStatus.CONFLICT_409, "runs locally\n".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            run(command.get(), response, callback);
            return true;
        }

        private boolean sameHome(InManagerCommand command) {
            return InfrakitHome.resolve(Optional.empty(), command.environment()).root().equals(home.root());
        }

        private void run(InManagerCommand command, Response response, Callback callback) throws IOException {
            CapturedOutput out = new CapturedOutput();
            CapturedOutput err = new CapturedOutput();
            int code;
            try (PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
                 PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
                CliEnvironment cli = new CliEnvironment(outWriter, errWriter, command.environment(), false,
                        command.workingDirectory(), managerGroups);
                String[] args = command.args().toArray(String[]::new);
                code = Commands.commandLine(cli, args).execute(args);
            }
            LOG.info("ran '{}' for the launcher (exit {})", command.name(), code);
            byte[] header = (code + "\n" + out.size() + "\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, header.length + out.size() + err.size());
            try (Blocker.Callback written = Blocker.callback()) {
                response.write(false, ByteBuffer.wrap(header), written);
                written.block();
            }
            out.sendTo(response, false);
            err.sendTo(response, true);
            callback.succeeded();
        }

        private static void answer(Response response, Callback callback, int status, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
