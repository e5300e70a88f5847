package io.infrakit.testkit.aws;

import io.infrakit.spi.Json;
import io.infrakit.testkit.LoopbackPorts;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code moto_server} (the AWS API emulator, which must be on the PATH) on a free loopback port, for tests
 * of the aws plugin: started, waited for until it answers, and stopped with its process tree. Its EC2 checks AMI
 * IDs and instance types, as EC2 does ({@code MOTO_ENABLE_AMI_VALIDATION},
 * {@code MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION}).
 */
public final class MotoServer implements AutoCloseable {

    /** Credentials moto accepts, as any; nothing real. */
    public static final String ACCESS_KEY = "testing";
    public static final String SECRET_KEY = "testing";
    public static final String REGION = "us-east-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static MotoServer start() {
        return start(Map.of());
    }

    /**
     * With moto's own settings too, such as {@code INITIAL_NO_AUTH_ACTION_COUNT=0}: check every request's
     * credentials, and refuse all (AuthFailure), since moto knows none.
     */
    public static MotoServer start(Map<String, String> settings) {
        int port = LoopbackPorts.free();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("MOTO_ENABLE_AMI_VALIDATION", "true",
                    "MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true"));
            builder.environment().putAll(settings);
            MotoServer server = new MotoServer(builder.start(), port, log);
            server.awaitAnswer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server (is it on the PATH?)", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * How many EC2 instances moto holds, in any state, read from its own state dump (no credentials needed, so it
     * also answers when moto checks credentials).
     */
    public int ec2InstanceCount() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/data.json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(response.body()).path("ec2").path("Instance").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets every resource (moto's own reset API). */
    public void reset() {
        post("/moto-api/reset");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a leftover log in the temp directory is harmless
        }
    }

    private void awaitAnswer() {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": "
                            + Files.readString(log));
                }
                return LoopbackPorts.accepts(port) && answers();
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("moto_server did not answer on port " + port + " within " + START_TIMEOUT);
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void post(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve(path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("moto " + path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
