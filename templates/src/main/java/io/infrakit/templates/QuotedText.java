package io.infrakit.templates;

/**
 * Escapes text for the inside of a double-quoted string that is valid both as JSON and as YAML: quotes, backslashes
 * and every control or special character are escaped, so the text can neither end the string nor start a line.
 */
final class QuotedText {

    private QuotedText() {
    }

    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (escaped != null) {
                    escaped.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            String replacement = replacement(c);
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** The escape of {@code c}, or null when it stands for itself. */
    private static String replacement(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> needsUnicodeEscape(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    /**
     * Control characters (C0, DEL, C1), the Unicode line and paragraph separators, the byte order mark, non-characters
     * and surrogate halves that are not a pair: JSON forbids the first raw, YAML most of them, and some end a line for some readers.
     */
    private static boolean needsUnicodeEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                || c == '\ufffe' || c == '\uffff' || Character.isSurrogate(c);
    }
}
