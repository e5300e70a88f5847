package io.infrakit.manager.process;

import java.util.OptionalInt;

/**
 * What the supervisor saw of one process at one tick: whether it still runs (else its exit code, when known) and
 * how its socket answered the handshake (asked only while it starts).
 */
public record Observation(boolean alive, OptionalInt exitCode, Handshake handshake, String handshakeProblem) {

    public enum Handshake { NOT_ASKED, NOT_YET, ANSWERED, BAD }

    public static Observation running(Handshake handshake) {
        return new Observation(true, OptionalInt.empty(), handshake, "");
    }

    public static Observation badHandshake(String problem) {
        return new Observation(true, OptionalInt.empty(), Handshake.BAD, problem);
    }

    public static Observation exited(OptionalInt code) {
        return new Observation(false, code, Handshake.NOT_ASKED, "");
    }

    String exit() {
        return exitCode.isPresent() ? "exited with code " + exitCode.getAsInt() : "exited";
    }
}
