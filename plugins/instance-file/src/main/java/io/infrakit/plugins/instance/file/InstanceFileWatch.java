package io.infrakit.plugins.instance.file;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the plugin's directory while anyone listens, and tells them which instance files appeared, changed or
 * vanished. A burst of changes (a script deleting many files, a rollout writing many) is told as one notice: once
 * the directory has been quiet for a moment, or after a longer while at most.
 */
final class InstanceFileWatch {

    static final Duration QUIET = Duration.ofMillis(10);
    static final Duration LONGEST_BURST = Duration.ofMillis(100);

    private final Path directory;
    private final InstanceChangeListeners listeners = new InstanceChangeListeners(this::start, this::stop);
    private WatchService service;

    InstanceFileWatch(Path directory) {
        this.directory = directory;
    }

    InstanceChangeNotices.Subscription subscribe(Consumer<InstancesChanged> listener) {
        return listeners.subscribe(listener);
    }

    /** Runs under the listeners' lock, as does {@link #stop}. */
    private void start() {
        try {
            service = directory.getFileSystem().newWatchService();
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            stop();
            throw new PluginException(FilePluginProvider.NAME, "subscribe", "cannot watch " + directory + ": " + e, e);
        }
        WatchService started = service;
        Thread thread = new Thread(() -> run(started), "file-plugin-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void stop() {
        close(service);
        service = null;
    }

    private static void close(WatchService watching) {
        try {
            if (watching != null) {
                watching.close();
            }
        } catch (IOException e) {
            // the watch is gone either way
        }
    }

    private void run(WatchService watching) {
        try {
            while (true) {
                Set<InstanceId> changed = new TreeSet<>();
                boolean lost = drain(watching.take(), changed);
                long end = System.nanoTime() + LONGEST_BURST.toNanos();
                WatchKey more;
                while (System.nanoTime() < end
                        && (more = watching.poll(QUIET.toNanos(), TimeUnit.NANOSECONDS)) != null) {
                    lost |= drain(more, changed);
                }
                if (lost || !changed.isEmpty()) {
                    listeners.tell(new InstancesChanged(lost ? Set.of() : changed));
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // the last listener left
        }
    }

    /** Adds the instance files the key saw change; true when the watch lost events (then any file may have). */
    private static boolean drain(WatchKey key, Set<InstanceId> changed) {
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
            } else if (event.context() instanceof Path file && file.toString().startsWith(FileInstancePlugin.PREFIX)) {
                try {
                    changed.add(InstanceId.of(file.toString()));
                } catch (RuntimeException e) {
                    // a name no instance ID can have is no instance's file
                }
            }
        }
        key.reset();
        return lost;
    }
}
