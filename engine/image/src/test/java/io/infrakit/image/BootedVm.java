package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.infrakit.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** A QEMU (TCG) VM whose port 80 is forwarded to a free local port, its serial console written to a file. */
final class BootedVm implements AutoCloseable {

    static final Duration BOOT_BUDGET = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path serial;

    private BootedVm(Process process, int port, Path serial) {
        this.process = process;
        this.port = port;
        this.serial = serial;
    }

    /** Starts QEMU with {@code bootArguments} (-kernel ..., -cdrom ..., -drive ...) and a virtio NIC. */
    static BootedVm start(Path work, List<String> bootArguments) throws IOException {
        int port = LoopbackPorts.free();
        Path serial = work.resolve("serial.log");
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "256", "-smp", "1",
                "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot", "-serial", "file:" + serial,
                "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:80", "-device", "virtio-net-pci,netdev=n0"));
        command.addAll(bootArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("qemu.log").toFile()).start();
        return new BootedVm(process, port, serial);
    }

    /** Waits (within the boot budget) until {@code path} answers {@code body}; returns the time that took. */
    Duration awaitHttp(String path, String body) {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3)).build();
        try {
            await().atMost(BOOT_BUDGET).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("QEMU exited", () -> !process.isAlive())
                    .untilAsserted(() -> assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                            .isEqualTo(body));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "; the serial console said:\n" + serialLog(), e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    String serialLog() {
        try {
            return Files.exists(serial) ? Files.readString(serial) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
