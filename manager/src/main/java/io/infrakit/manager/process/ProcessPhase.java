package io.infrakit.manager.process;

/** Where a supervised plugin process is in its life. */
public enum ProcessPhase {
    /** Started (or restarted); its socket has not answered the handshake yet. */
    STARTING,
    /** Its socket answered the handshake; it is watched for a crash. */
    RUNNING,
    /** It crashed; it is started again after a backoff. */
    RESTARTING,
    /** It crashed more often than the restart limit allows in a row; left stopped. */
    GAVE_UP,
    /** Its first start failed (no such command, exited at once, never or badly answered): not retried. */
    FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
