package io.infrakit.manager.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The supervisor's planner: from a process's record, what was observed and the time, its next record and the one
 * thing to do ({@link Action}). Pure; {@link PluginSupervisor} observes and acts.
 */
public final class Lifecycle {

    /** What the supervisor does after a step. */
    public enum Action { NONE, SPAWN, KILL }

    public record Step(ProcessRecord record, Action action) {
    }

    private final RestartPolicy policy;
    private final Duration handshakeTimeout;

    public Lifecycle(RestartPolicy policy, Duration handshakeTimeout) {
        this.policy = policy;
        this.handshakeTimeout = handshakeTimeout;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Step next(ProcessRecord record, Observation seen, Instant now) {
        return switch (record.phase()) {
            case STARTING -> starting(record, seen, now);
            case RUNNING -> seen.alive() ? stay(record)
                    : crashed(record, "crashed (" + seen.exit() + ")", Duration.between(record.startedAt(), now), now,
                    Action.NONE);
            case RESTARTING -> now.isBefore(record.nextAttempt()) ? stay(record) : new Step(record, Action.SPAWN);
            case GAVE_UP, FAILED -> stay(record);
        };
    }

    private Step starting(ProcessRecord record, Observation seen, Instant now) {
        if (!seen.alive()) {
            return failed(record, seen.exit() + " before its socket answered", now, Action.NONE);
        }
        return switch (seen.handshake()) {
            case ANSWERED -> new Step(record.with(ProcessPhase.RUNNING, ""), Action.NONE);
            case BAD -> failed(record, "answered the handshake wrongly: " + seen.handshakeProblem(), now, Action.KILL);
            case NOT_YET, NOT_ASKED -> Duration.between(record.startedAt(), now).compareTo(handshakeTimeout) < 0
                    ? stay(record)
                    : failed(record, "never answered the handshake within " + seconds(handshakeTimeout), now,
                    Action.KILL);
        };
    }

    /** A first start that fails is not retried; a restart that fails counts as one more crash. */
    private Step failed(ProcessRecord record, String why, Instant now, Action action) {
        if (record.restarts() == 0) {
            return new Step(record.stopped(ProcessPhase.FAILED, why), action);
        }
        return crashed(record, why, Duration.ZERO, now, action);
    }

    private Step crashed(ProcessRecord record, String why, Duration ranFor, Instant now, Action action) {
        int restart = policy.restartNumber(record.restarts(), ranFor);
        Optional<Duration> delay = policy.delayBefore(restart);
        if (delay.isEmpty()) {
            return new Step(record.stopped(ProcessPhase.GAVE_UP, "gave up after " + record.restarts() + " restarts ("
                    + why + ")"), action);
        }
        return new Step(record.restartingAt(now.plus(delay.get()), restart, why + "; restart " + restart + " of "
                + policy.limit() + " in " + seconds(delay.get())), action);
    }

    private static Step stay(ProcessRecord record) {
        return new Step(record, Action.NONE);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
