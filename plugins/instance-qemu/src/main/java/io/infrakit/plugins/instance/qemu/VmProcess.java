package io.infrakit.plugins.instance.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The QEMU process of a VM, found by pid. A pid that now names some other program is not the VM, and neither is a
 * zombie: a daemonized QEMU's parent is init, which may take a second or two to reap it after it ended.
 */
final class VmProcess {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private VmProcess() {
    }

    static Optional<ProcessHandle> find(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(VmProcess::running).filter(VmProcess::isQemu);
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True once the process has ended, waiting at most {@code timeout}. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(process)) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    static boolean running(ProcessHandle process) {
        return process.isAlive() && !zombie(process.pid());
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException e) {
            return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static boolean isQemu(ProcessHandle process) {
        // Without a readable command (another user's process) it cannot be proven ours, so it is not.
        return process.info().command().map(command -> Path.of(command).getFileName().toString().contains("qemu"))
                .orElse(false);
    }
}
