package io.infrakit.dsl.internal;

/** Finds the script line an error or a DSL call belongs to: the innermost stack frame in the compiled script. */
final class ScriptLines {

    /** The name the script is compiled under; its frames carry it as their file name. */
    static final String SOURCE_NAME = "playbook.groovy";

    private ScriptLines() {
    }

    /** The line of the script code that is running now, e.g. the line of a {@code group} call; 0 if none. */
    static int current() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> SOURCE_NAME.equals(frame.getFileName()))
                .findFirst()
                .map(StackWalker.StackFrame::getLineNumber)
                .orElse(0));
    }

    /** The script line where {@code error} was thrown, looking through its causes; 0 if none. */
    static int of(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            int line = of(current.getStackTrace());
            if (line > 0) {
                return line;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return 0;
    }

    /** The script line of the innermost frame of a stack, e.g. the one a running thread is on; 0 if none. */
    static int of(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (SOURCE_NAME.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return frame.getLineNumber();
            }
        }
        return 0;
    }
}
