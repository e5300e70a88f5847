package io.infrakit.dsl.internal;

/**
 * A mistake in the script found while it runs: the reason is one line, and the script line is either given or
 * taken from the stack (the innermost frame in the script's file).
 */
public class ScriptError extends RuntimeException {

    private final int line;

    public ScriptError(String reason) {
        this(0, reason);
    }

    public ScriptError(int line, String reason) {
        super(reason);
        this.line = line;
    }

    /** The script line the error belongs to, or 0 to take it from the stack. */
    public int line() {
        return line;
    }
}
