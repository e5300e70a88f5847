package io.infrakit.cli;

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

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs short CLI commands inside the manager, whose JVM is warm, for the launcher: {@code POST /run} on
 * {@code $INFRAKIT_HOME/cli.sock} (mode 0600). A command from another build of the CLI, for another home, or one
 * that does not qualify ({@link InManagerCommand#qualifies()}) is answered 409 without running, and the launcher
 * runs it in its own JVM. The answer to one that ran: {@code exit \n stdout-length \n stdout stderr}.
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
    static Optional<CommandServer> start(InfrakitHome home, String build) {
        Path socket = home.root().resolve(SOCKET);
        Server server = UnixHttpServers.create("cli-commands", socket, new RunHandler(home, build));
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

        RunHandler(InfrakitHome home, String build) {
            this.home = home;
            this.build = build;
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
            answer(response, callback, HttpStatus.OK_200, run(command.get()));
            return true;
        }

        private boolean sameHome(InManagerCommand command) {
            return InfrakitHome.resolve(Optional.empty(), command.environment()).root().equals(home.root());
        }

        private static byte[] run(InManagerCommand command) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
                 PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
                CliEnvironment cli = new CliEnvironment(outWriter, errWriter, command.environment(), false,
                        command.workingDirectory());
                String[] args = command.args().toArray(String[]::new);
                code = Commands.commandLine(cli, args).execute(args);
            }
            LOG.info("ran '{}' for the launcher (exit {})", command.name(), code);
            byte[] header = (code + "\n" + out.size() + "\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream answer = new ByteArrayOutputStream(header.length + out.size() + err.size());
            answer.writeBytes(header);
            answer.writeBytes(out.toByteArray());
            answer.writeBytes(err.toByteArray());
            return answer.toByteArray();
        }

        private static void answer(Response response, Callback callback, int status, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
