package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import groovy.lang.GroovyRuntimeException;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import io.infrakit.dsl.DslException;
import io.infrakit.dsl.MissingParameterException;
import org.codehaus.groovy.runtime.InvokerInvocationException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns whatever a running script throws into one line: {@code playbook.groovy:14: reason}. */
final class ScriptFailures {

    /** Groovy's message when null or missing arguments fit several overloads of a method. */
    private static final Pattern AMBIGUOUS_CALL = Pattern.compile("Could not find which method (\\w+)\\(\\) to invoke");

    private ScriptFailures() {
    }

    static DslException translate(String fileName, Throwable error) {
        Throwable failure = unwrap(error);
        if (failure instanceof DslException known) {
            return known;
        }
        if (failure instanceof ParameterNotGiven missing) {
            return new MissingParameterException(fileName, missing.param());
        }
        if (failure instanceof ScriptError scriptError && scriptError.line() > 0) {
            return DslException.at(fileName, scriptError.line(), scriptError.getMessage());
        }
        if (failure instanceof StackOverflowError) {
            return DslException.at(fileName, ScriptLines.of(failure), "stopped: stack overflow (recursion too deep)");
        }
        if (failure instanceof OutOfMemoryError) {
            return DslException.at(fileName, 0, "stopped: out of memory");
        }
        return DslException.at(fileName, ScriptLines.of(failure), reason(failure));
    }

    /** The reason alone, one line: what went wrong, without the script line. */
    static String reason(Throwable error) {
        Throwable failure = unwrap(error);
        if (failure instanceof ScriptError scriptError) {
            return scriptError.getMessage();
        }
        if (failure instanceof MissingMethodException missing) {
            return missingMethod(missing);
        }
        if (failure instanceof GroovyRuntimeException && failure.getMessage() != null) {
            Matcher ambiguous = AMBIGUOUS_CALL.matcher(failure.getMessage());
            if (ambiguous.lookingAt() && DslVerbs.contains(ambiguous.group(1))) {
                return DslVerbs.usage(ambiguous.group(1));
            }
        }
        if (failure instanceof UndefinedVariableException undefined) {
            return undefined.reason();
        }
        if (failure instanceof MissingPropertyException missing && missing.getType() != null) {
            return "unknown property '" + missing.getProperty() + "' on " + missing.getType().getSimpleName();
        }
        return firstLine(failure.getMessage(), failure.getClass().getSimpleName());
    }

    private static String missingMethod(MissingMethodException missing) {
        String name = missing.getMethod();
        Class<?> type = missing.getType();
        boolean onScript = type != null
                && (PlaybookScript.class.isAssignableFrom(type) || Closure.class.isAssignableFrom(type));
        if (onScript && DslVerbs.contains(name)) {
            return DslVerbs.usage(name);
        }
        if (onScript && (name.equals("doCall") || name.equals("call"))) {
            return "a closure was called with arguments it does not take";
        }
        if (onScript) {
            List<String> known = new ArrayList<>(DslVerbs.names());
            known.addAll(scriptMethods(type));
            return "unknown method '" + name + "'" + DidYouMean.hint(name, known);
        }
        String owner = type == null ? "null" : type.getSimpleName();
        return "unknown method '" + name + "' on " + owner;
    }

    /** The helper methods the script defines, for did-you-mean hints. */
    private static List<String> scriptMethods(Class<?> type) {
        Class<?> script = type;
        while (script != null && !PlaybookScript.class.isAssignableFrom(script)) {
            script = script.getEnclosingClass();
        }
        List<String> names = new ArrayList<>();
        if (script != null) {
            for (Method method : script.getDeclaredMethods()) {
                boolean helper = !method.isSynthetic() && !method.getName().contains("$")
                        && !Modifier.isPrivate(method.getModifiers())
                        && !method.getName().equals("run") && !method.getName().equals("main");
                if (helper) {
                    names.add(method.getName());
                }
            }
        }
        return names;
    }

    static String firstLine(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        return message.strip().lines().findFirst().orElse(fallback).strip();
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof InvokerInvocationException || current instanceof InvocationTargetException
                || current instanceof ExecutionException || current instanceof UndeclaredThrowableException)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
