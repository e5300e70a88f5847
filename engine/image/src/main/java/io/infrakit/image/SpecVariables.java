package io.infrakit.image;

import io.infrakit.spi.InvalidSpecException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {{name}}} in an image spec's text with the build's variables. Not {@code ${name}}: the spec is
 * full of shell lines, where that syntax already means something.
 */
final class SpecVariables {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    private SpecVariables() {
    }

    static String substitute(String specName, String text, Map<String, String> vars) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = vars.get(name);
            if (value == null) {
                throw new InvalidSpecException(specName + ": variable '" + name + "' is not set; set: "
                        + (vars.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(vars.keySet()))));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
