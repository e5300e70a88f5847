package io.infrakit.cli;

import io.infrakit.spi.Identifiers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Prints a log file ({@code manager logs}, {@code plugin logs}); with follow, what is added to it until Ctrl-C. */
public final class LogFile {

    private static final Duration POLL = Duration.ofMillis(200);

    private final CliEnvironment cli;

    public LogFile(CliEnvironment cli) {
        this.cli = cli;
    }

    public void print(Path log, boolean follow) throws IOException {
        // Not a FileChannel: an interrupt (the end of a follow run in-process) would close it under the reader.
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] chunk = new byte[64 * 1024];
            ByteArrayOutputStream unfinishedLine = new ByteArrayOutputStream();
            while (true) {
                if (file.length() < file.getFilePointer()) {
                    // Shorter than what was read: the log was cut; its lines start over.
                    file.seek(0);
                    unfinishedLine.reset();
                }
                int read = file.read(chunk);
                if (read > 0) {
                    unfinishedLine.write(chunk, 0, read);
                    printWholeLines(unfinishedLine);
                } else if (!follow || Thread.currentThread().isInterrupted()) {
                    if (unfinishedLine.size() > 0) {
                        printLine(unfinishedLine.toString(StandardCharsets.UTF_8));
                    }
                    cli.out().flush();
                    return;
                } else {
                    cli.out().flush();
                    LockSupport.parkNanos(POLL.toNanos());
                }
            }
        }
    }

    /** Prints the lines that have ended and keeps the start of one still being written. */
    private void printWholeLines(ByteArrayOutputStream pending) {
        byte[] bytes = pending.toByteArray();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return;
        }
        new String(bytes, 0, end, StandardCharsets.UTF_8).lines().forEach(this::printLine);
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
    }

    /** A line as it is, but for control characters a plugin's message might carry to the terminal. */
    private void printLine(String line) {
        cli.out().println(Identifiers.escapeUnsafe(line));
    }
}
