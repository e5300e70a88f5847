package io.infrakit.dsl;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.Redactor;

/** A playbook script that cannot be loaded or planned. The message is one line: {@code playbook.groovy:14: reason}. */
public class DslException extends InvalidSpecException {

    private static final int MAX_REASON_CHARS = 500;

    public DslException(String message) {
        super(message);
    }

    /**
     * {@code fileName:line: reason}, or {@code fileName: reason} when the line is unknown (0 or less). The reason is
     * kept to one line of at most {@value #MAX_REASON_CHARS} characters, since it may quote the script's values.
     */
    public static DslException at(String fileName, int line, String reason) {
        return new DslException((line > 0 ? fileName + ":" + line : fileName) + ": " + oneLine(reason));
    }

    /** {@code fileName:line:column: reason}, for syntax errors. */
    public static DslException at(String fileName, int line, int column, String reason) {
        return new DslException(fileName + ":" + line + ":" + column + ": " + oneLine(reason));
    }

    /** This error with the secrets in its message masked; itself when it shows none. */
    public DslException redactedBy(Redactor secrets) {
        String shown = secrets.redact(getMessage());
        return shown.equals(getMessage()) ? this : new DslException(shown);
    }

    private static String oneLine(String reason) {
        String oneLine = reason.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() > MAX_REASON_CHARS ? oneLine.substring(0, MAX_REASON_CHARS) + "..." : oneLine;
    }
}
