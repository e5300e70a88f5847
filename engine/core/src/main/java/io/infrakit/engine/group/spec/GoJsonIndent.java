package io.infrakit.engine.group.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The text Go's {@code json.MarshalIndent(v, prefix, indent)} writes for a value that went through Go's
 * {@code json.Unmarshal} into an {@code interface{}}: objects with keys sorted by their UTF-8 bytes, every number a
 * {@code float64} ({@link GoFloat}), strings escaped as Go escapes them with HTML escaping on, {@code {}} and
 * {@code []} when empty, no newline at the end.
 */
final class GoJsonIndent {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char REPLACEMENT = '\uFFFD';

    /** UTF-8 byte order is code point order, which UTF-16 order is not above the surrogates. */
    private static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final String prefix;
    private final String indent;
    private final StringBuilder out = new StringBuilder();

    private GoJsonIndent(String prefix, String indent) {
        this.prefix = prefix;
        this.indent = indent;
    }

    static String write(JsonNode value, String prefix, String indent) {
        GoJsonIndent writer = new GoJsonIndent(prefix, indent);
        writer.value(value, 0);
        return writer.out.toString();
    }

    private void value(JsonNode node, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            object(node, depth);
        } else if (node.isArray()) {
            array(node, depth);
        } else if (node.isTextual()) {
            string(node.textValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(GoFloat.format(asFloat64(node)));
        } else {
            // Binary and POJO nodes do not come out of JSON text; Go would see their text as a string.
            string(node.asText());
        }
    }

    private void object(JsonNode node, int depth) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(field -> fields.add(Map.entry(wellFormed(field.getKey()), field.getValue())));
        fields.sort(Map.Entry.comparingByKey(UTF8_ORDER));
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newline(depth + 1);
            string(fields.get(i).getKey());
            out.append(": ");
            value(fields.get(i).getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(JsonNode node, int depth) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newline(depth + 1);
            value(node.get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        out.append('\n').append(prefix).append(indent.repeat(depth));
    }

    private void string(String text) {
        String value = wellFormed(text);
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Go reads a lone surrogate ({@code "\ud800"}) as U+FFFD, so that is what it writes back. */
    private static String wellFormed(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(text);
                }
                fixed.setCharAt(i, REPLACEMENT);
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    /** Go's {@code json.Unmarshal} reads every number into a float64, rounding to the nearest. */
    private static double asFloat64(JsonNode number) {
        if (number.isBigDecimal()) {
            BigDecimal decimal = number.decimalValue();
            return Double.parseDouble(decimal.toString());
        }
        return number.doubleValue();
    }
}
