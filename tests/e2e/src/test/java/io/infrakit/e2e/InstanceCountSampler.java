package io.infrakit.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Counts the file plugin's instance files at a fixed rate on its own thread, whatever the manager is doing (running,
 * dead, starting), and keeps the highest count with the moment it was seen.
 */
final class InstanceCountSampler implements AutoCloseable {

    /** The highest count so far, what the test was doing when it was seen, and how many samples were taken. */
    record Peak(int count, String during, long samples) {
    }

    private final Path directory;
    private final Supplier<String> moment;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "instance-count-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Peak> peak = new AtomicReference<>(new Peak(0, "no sample yet", 0));
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private InstanceCountSampler(Path directory, Supplier<String> moment) {
        this.directory = directory;
        this.moment = moment;
    }

    /** Starts sampling {@code directory} every {@code period}; {@code moment} names what the test is doing. */
    static InstanceCountSampler start(Path directory, Duration period, Supplier<String> moment) {
        InstanceCountSampler sampler = new InstanceCountSampler(directory, moment);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** The peak so far; throws what made a sample fail, so a sampler that stopped is never mistaken for a calm one. */
    Peak peak() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new AssertionError("the sampler failed: " + failed, failed);
        }
        return peak.get();
    }

    private void sample() {
        try {
            int count = count();
            String during = moment.get();
            peak.updateAndGet(last -> count > last.count()
                    ? new Peak(count, during, last.samples() + 1)
                    : new Peak(last.count(), last.during(), last.samples() + 1));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Distinct names, so an entry a listing might show twice while a file is renamed over counts once. */
    private int count() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "instance-*")) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
