package io.infrakit.templates;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns Freemarker's multi-line errors into one line, {@code <file>:<line>:<column>: <reason>}, naming the
 * innermost template where the error happened.
 */
final class ErrorMessages {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$@][\\p{L}\\p{N}_$@]*");
    // Also the details Freemarker adds to an output format's name: "JSON(mimeType=..., class=...)" reads "JSON".
    private static final Pattern WRAPPER_NOTE = Pattern.compile(
            "\\s*\\((?:wrapper: [^)]*|[^()]* wrapped into [^()]*|mimeType=[^()]*)\\)");
    private static final Pattern TIP = Pattern.compile("\\s*\\((?:See|Note that) [^()]*\\)\\.?$");

    private ErrorMessages() {
    }

    static TemplateException translate(Throwable error) {
        TemplateException located = find(error, TemplateException.class);
        if (located != null) {
            // Already translated where it happened: inside an include()d or source()d template.
            return located;
        }
        ParseException syntax = find(error, ParseException.class);
        if (syntax != null) {
            return new TemplateException(at(syntax.getTemplateName(), syntax.getLineNumber(),
                    syntax.getColumnNumber()) + firstLine(syntax.getEditorMessage()), error);
        }
        freemarker.template.TemplateException failure = find(error, freemarker.template.TemplateException.class);
        RenderProblem problem = find(error, RenderProblem.class);
        // Our loader reports missing templates itself, so Freemarker reports "not found" only for a name that
        // climbs above the file system root.
        TemplateNotFoundException aboveRoot = find(error, TemplateNotFoundException.class);
        String reason = problem != null ? problem.getMessage()
                : aboveRoot != null ? "'" + shownPath(aboveRoot.getTemplateName()) + "' is outside the playbook tree"
                : failure instanceof InvalidReferenceException missing ? undefined(missing)
                : failure != null ? describe(failure)
                : firstLine(error.getMessage());
        return failure == null
                ? new TemplateException(reason, error)
                : new TemplateException(at(failure.getTemplateSourceName(), failure.getLineNumber(),
                        failure.getColumnNumber()) + reason, error);
    }

    /** Why a template could not be loaded, for the caller to locate at its call. */
    static RenderProblem problem(IOException error) {
        RenderProblem problem = find(error, RenderProblem.class);
        return problem != null ? problem : new RenderProblem(firstLine(error.getMessage()), error);
    }

    /** The name a user knows a template by, from the name Freemarker gave it (see {@link Location}). */
    static String displayName(String templateSourceName) {
        if (templateSourceName == null || templateSourceName.startsWith("str://")) {
            return templateSourceName;
        }
        return templateSourceName.substring(templateSourceName.lastIndexOf('/') + 1);
    }

    private static String shownPath(String templateName) {
        try {
            Location location = Location.ofTemplateName(templateName);
            return location instanceof Location.LocalFile file ? file.path().toString() : templateName;
        } catch (RenderProblem notAPath) {
            return templateName;
        }
    }

    private static String at(String templateSourceName, Integer line, Integer column) {
        String name = displayName(templateSourceName);
        if (name == null) {
            return "";
        }
        return line == null || column == null ? name + ": " : name + ":" + line + ":" + column + ": ";
    }

    private static String undefined(InvalidReferenceException missing) {
        String expression = missing.getBlamedExpressionString();
        if (expression == null) {
            return describe(missing);
        }
        if (!IDENTIFIER.matcher(expression).matches()) {
            return "'" + expression + "' is not defined";
        }
        return "variable '" + expression + "' is not defined; defined: " + definedNames(missing.getEnvironment());
    }

    private static String definedNames(Environment environment) {
        if (environment == null) {
            return "(unknown)";
        }
        try {
            @SuppressWarnings("unchecked")
            Set<String> names = new TreeSet<>(environment.getKnownVariableNames());
            names.removeAll(environment.getConfiguration().getSharedVariableNames());
            return names.isEmpty() ? "(none)" : String.join(", ", names);
        } catch (TemplateModelException e) {
            return "(unknown)";
        }
    }

    /** Freemarker's first line, without its wrapper class notes, naming the expression it blames. */
    private static String describe(freemarker.template.TemplateException failure) {
        String first = WRAPPER_NOTE.matcher(firstLine(failure.getMessageWithoutStackTop())).replaceAll("");
        if (!first.endsWith(":")) {
            return first;
        }
        String blamed = failure.getBlamedExpressionString();
        Throwable cause = failure.getCause();
        return blamed != null ? first + " " + blamed
                : cause != null ? first + " " + firstLine(cause.getMessage())
                : first.substring(0, first.length() - 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.strip().lines().findFirst().orElse("unknown error").strip();
        return TIP.matcher(first).replaceAll("");
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
