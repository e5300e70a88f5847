package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.manager.ManagerUnreachableException;
import io.infrakit.spi.Identifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

@Command(name = "logs", description = "Print the manager's log ($INFRAKIT_HOME/manager.log), also when no manager "
        + "runs; with -f, go on printing what the manager adds until Ctrl-C. Exits 7 when there is no log.")
final class ManagerLogsCommand extends BaseCommand {

    private static final Duration POLL = Duration.ofMillis(200);

    @Option(names = {"-f", "--follow"}, description = "Go on printing the lines the manager adds, until Ctrl-C")
    boolean follow;

    ManagerLogsCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() throws IOException {
        Path log = home().managerLogFile();
        if (!Files.isRegularFile(log)) {
            throw new ManagerUnreachableException("no manager log at " + log
                    + ": no manager has been started in this home ('infrakit manager start' starts one)");
        }
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
                    return ExitCode.OK;
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
