package io.infrakit.manager.process;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * What the supervisor knows of one plugin process: its pid (0 when none runs), phase, restarts in a row, when it
 * was started last, when the next restart is due, what went wrong ({@code ""} if nothing) and its log file.
 */
public record ProcessRecord(@JsonProperty("Name") String name,
                            @JsonProperty("Pid") long pid,
                            @JsonProperty("Phase") ProcessPhase phase,
                            @JsonProperty("Restarts") int restarts,
                            @JsonProperty("StartedAt") Instant startedAt,
                            @JsonProperty("NextAttempt") Instant nextAttempt,
                            @JsonProperty("Message") String message,
                            @JsonProperty("Log") String log) {

    public ProcessRecord {
        message = message == null ? "" : message;
    }

    /** A process just started (or restarted) as {@code pid}. */
    public static ProcessRecord started(String name, long pid, int restarts, Instant now, String log) {
        return new ProcessRecord(name, pid, ProcessPhase.STARTING, restarts, now, null, "", log);
    }

    ProcessRecord with(ProcessPhase newPhase, String newMessage) {
        return new ProcessRecord(name, pid, newPhase, restarts, startedAt, nextAttempt, newMessage, log);
    }

    ProcessRecord restartingAt(Instant at, int newRestarts, String newMessage) {
        return new ProcessRecord(name, 0, ProcessPhase.RESTARTING, newRestarts, startedAt, at, newMessage, log);
    }

    ProcessRecord stopped(ProcessPhase newPhase, String newMessage) {
        return new ProcessRecord(name, 0, newPhase, restarts, startedAt, null, newMessage, log);
    }
}
