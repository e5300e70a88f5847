package io.infrakit.spi;

/**
 * What an ID may hold, and the one way a string we did not write ourselves is shown in a message. IDs become file
 * names, tags, log lines and table cells, so none may hold a character that steers a terminal (control characters,
 * NUL, newlines) or reorders what is shown (bidi overrides and other invisible formatting characters).
 */
public final class Identifiers {

    /** A group ID has at most this many characters: letters, digits, '.', '_' and '-'. */
    public static final int MAX_GROUP_ID = 128;

    /**
     * Instance and logical IDs also come from providers (ARNs, IPv6 addresses, container names), so they may hold any
     * printable character, up to this many.
     */
    public static final int MAX_INSTANCE_ID = 1024;

    /** The most characters of an untrusted string a message shows. */
    private static final int SHOWN = 64;

    private Identifiers() {
    }

    /** The group ID as given, or an InvalidSpecException that shows it escaped. */
    public static String checkGroupId(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSpecException("Group ID must not be blank");
        }
        if (value.length() > MAX_GROUP_ID) {
            throw new InvalidSpecException("Group ID " + quote(value) + " is too long: " + value.length()
                    + " characters, at most " + MAX_GROUP_ID);
        }
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            int c = value.codePointAt(i);
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || (i > 0 && (c == '.' || c == '_' || c == '-')));
            if (!allowed) {
                throw new InvalidSpecException("Group ID " + quote(value) + " holds " + describe(c)
                        + " at position " + (i + 1) + "; use letters, digits, '.', '_' and '-', starting with a"
                        + " letter or digit");
            }
        }
        return value;
    }

    /** An instance or logical ID as given, or an InvalidSpecException naming {@code what} and showing it escaped. */
    public static String checkPrintable(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSpecException(what + " must not be blank");
        }
        if (value.length() > MAX_INSTANCE_ID) {
            throw new InvalidSpecException(what + " " + quote(value) + " is too long: " + value.length()
                    + " characters, at most " + MAX_INSTANCE_ID);
        }
        int unsafe = firstUnsafe(value);
        if (unsafe >= 0) {
            throw new InvalidSpecException(what + " " + quote(value) + " holds " + describe(value.codePointAt(unsafe))
                    + " at position " + (unsafe + 1));
        }
        return value;
    }

    /** The index of the first character no terminal should be sent, or -1 when there is none. */
    public static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (unsafe(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text safe to print: every unsafe character and the backslash escaped ({@code \\n}, {@code \\u001B}), and no
     * more than {@value #SHOWN} characters of it, followed by {@code ...} when it was longer. A safe, short text is
     * returned as it is, so a plain name reads as before.
     */
    public static String escape(String text) {
        return escape(text, SHOWN, true);
    }

    /** A whole message made safe to print: its unsafe characters escaped, however long it is; backslashes kept. */
    public static String escapeUnsafe(String text) {
        return text == null || firstUnsafe(text) < 0 ? text : escape(text, Integer.MAX_VALUE, false);
    }

    private static String escape(String text, int limit, boolean backslashes) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1), count++) {
            if (count == limit) {
                return shown.append("...").toString();
            }
            int c = text.codePointAt(i);
            switch (c) {
                case '\\' -> shown.append(backslashes ? "\\\\" : "\\");
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        shown.append(String.format("\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        return shown.toString();
    }

    /** The text escaped (see {@link #escape}) and in double quotes. */
    public static String quote(String text) {
        return "\"" + escape(text) + "\"";
    }

    private static boolean unsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String describe(int c) {
        String code = String.format("U+%04X", c);
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "a control character (" + code + ")";
            case Character.FORMAT -> "an invisible formatting character such as a bidi override (" + code + ")";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line separator (" + code + ")";
            case Character.SURROGATE -> "a broken surrogate (" + code + ")";
            case Character.UNASSIGNED -> "an unassigned character (" + code + ")";
            default -> c < 128 && c > ' ' ? "'" + (char) c + "'" : "the character " + code;
        };
    }
}
