package io.infrakit.templates;

import freemarker.core.ParseException;
import freemarker.template.Template;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses {@code ?interpret} and {@code ?eval}: they compile text into templates that Freemarker builds without
 * our interruption checks, so a loop inside them could not be stopped by the render time limit.
 */
final class ForbiddenBuiltIns {

    // Freemarker accepts white space and comments between '?' and a built-in's name.
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\?(?:\\s|<#--.*?-->|\\[#--.*?--]|<!--.*?-->)*(interpret|eval)(?![\\w$@])", Pattern.DOTALL);

    private ForbiddenBuiltIns() {
    }

    /** Throws a {@link ParseException} at the first forbidden built-in in {@code text}. */
    static void check(String templateName, String text) throws ParseException {
        Matcher found = FORBIDDEN.matcher(text);
        if (!found.find()) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < found.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        ParseException refused = new ParseException("?" + found.group(1) + " is not allowed in templates",
                (Template) null, line, found.start() - lineStart + 1, line, found.end() - lineStart);
        refused.setTemplateName(templateName);
        throw refused;
    }
}
