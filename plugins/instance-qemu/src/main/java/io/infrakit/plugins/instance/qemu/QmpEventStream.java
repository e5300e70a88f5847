package io.infrakit.plugins.instance.qemu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows one VM's QMP events on a daemon thread of its own, until closed. It reads the VM's second QMP monitor
 * ({@link VmFiles#qmpEvents()}), which only it uses, so the plugin's commands keep their short connections to the
 * first. A connection that drops (QEMU exits, or sends what is not QMP) is told to {@code lost}, then made again
 * after a pause that doubles up to {@link #MAX_PAUSE} while the VM's process runs; the watch of the process stays
 * in any case. A VM without that socket (started before the plugin had it) is not followed.
 */
final class QmpEventStream implements AutoCloseable {

    static final Duration GREETING_TIMEOUT = Duration.ofSeconds(2);
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(QmpEventStream.class);

    private final Path socket;
    private final BooleanSupplier vmRuns;
    private final Consumer<QmpEvent> events;
    private final Runnable lost;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private QmpClient connection;

    private QmpEventStream(String name, Path socket, BooleanSupplier vmRuns, Consumer<QmpEvent> events,
                           Runnable lost) {
        this.socket = socket;
        this.vmRuns = vmRuns;
        this.events = events;
        this.lost = lost;
        this.thread = new Thread(this::follow, "qmp-events-" + name);
        thread.setDaemon(true);
    }

    /**
     * @param vmRuns whether the VM's process still runs, so that a lost connection is worth making again
     * @param events called on the stream's thread with each event, in QEMU's order
     * @param lost   called on the stream's thread when a connection that was made drops
     */
    static QmpEventStream follow(String name, Path socket, BooleanSupplier vmRuns, Consumer<QmpEvent> events,
                                 Runnable lost) {
        QmpEventStream stream = new QmpEventStream(name, socket, vmRuns, events, lost);
        stream.thread.start();
        return stream;
    }

    private void follow() {
        Duration pause = FIRST_PAUSE;
        while (closing.getCount() > 0 && Files.exists(socket)) {
            boolean connected = false;
            try (QmpClient client = QmpClient.connect(socket, GREETING_TIMEOUT)) {
                if (!opened(client)) {
                    return;
                }
                connected = true;
                pause = FIRST_PAUSE;
                while (true) {
                    events.accept(client.nextEvent());
                }
            } catch (IOException | RuntimeException e) {
                if (closing.getCount() == 0) {
                    return;
                }
                LOG.debug("QMP events of {}: {}", socket, e.getMessage());
                if (connected) {
                    lost.run();
                }
            } finally {
                opened(null);
            }
            if (!vmRuns.getAsBoolean() || paused(pause)) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Keeps the connection for close(); false, and the connection left alone, once closing has begun. */
    private synchronized boolean opened(QmpClient client) {
        connection = client;
        return closing.getCount() > 0;
    }

    /** True when closed during the pause. */
    private boolean paused(Duration pause) {
        try {
            return closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops following; the thread ends at once, without telling {@code lost}. */
    @Override
    public void close() {
        QmpClient current;
        synchronized (this) {
            closing.countDown();
            current = connection;
        }
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("closing the QMP events of {}: {}", socket, e.getMessage());
            }
        }
    }
}
