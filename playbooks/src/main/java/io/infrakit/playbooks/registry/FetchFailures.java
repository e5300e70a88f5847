package io.infrakit.playbooks.registry;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns what JGit threw while fetching into the short cause a user reads after the URL. */
final class FetchFailures {

    private FetchFailures() {
    }

    static String describe(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                // the JDK's http client appends the address ("Connection refused 127.0.0.1"); the URL has it already
                return firstLine(t).contains("refused") ? "connection refused" : sentenceCase(firstLine(t));
            }
            if (t instanceof UnknownHostException) {
                return "unknown host '" + firstLine(t) + "'";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + GitFetcher.TIMEOUT_SECONDS + " s";
            }
            if (t instanceof NoRemoteRepositoryException) {
                return "no repository there";
            }
            if (t instanceof TransportException && firstLine(t).toLowerCase(Locale.ROOT).contains("not authorized")) {
                return "not authorized (give credentials in the URL, in " + GitFetcher.TOKEN_VARIABLE
                        + " or to a git credential helper)";
            }
            if (isSshAuthenticationFailure(firstLine(t))) {
                return "authentication failed (no key from ~/.ssh, " + SshSettings.KEY_VARIABLE
                        + " or the ssh agent was accepted)";
            }
            deepest = t;
        }
        return sentenceCase(withoutLeadingUri(firstLine(deepest)));
    }

    /** What JGit's ssh transport says when the server accepted none of the keys offered. */
    private static boolean isSshAuthenticationFailure(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no more authentication methods available") || lower.contains("authentication failed");
    }

    /** "Connection refused" reads as "connection refused" after a colon; "HTTP 404" stays as it is. */
    private static String sentenceCase(String cause) {
        return cause.matches("^[A-Z][a-z].*") ? Character.toLowerCase(cause.charAt(0)) + cause.substring(1) : cause;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse("").strip().replaceFirst(" \\(.*\\)$", "");
    }

    /** JGit starts most messages with the URI, which the caller already names. */
    private static String withoutLeadingUri(String message) {
        return message.replaceFirst("^[a-z+]+://\\S*:\\s+", "").replaceFirst("^/\\S*:\\s+", "");
    }
}
