package io.infrakit.playbooks.registry;

import org.eclipse.jgit.transport.URIish;

import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The parts of a git URL the registry cares about. A URL's credentials are used in memory only: what JGit sees as
 * the remote, and so what lands in a repository's config, the lock file and messages, is
 * {@link #withoutCredentials}. For ssh the user name stays, since it picks the account and is no secret.
 */
final class GitUrl {

    private static final String SCHEME_END = "://";

    private GitUrl() {
    }

    static String withoutCredentials(String url) {
        int authority = url.indexOf(SCHEME_END);
        boolean ssh = authority < 0 || url.regionMatches(true, 0, "ssh", 0, authority);
        int start = authority < 0 ? 0 : authority + SCHEME_END.length();
        int at = userInfoEnd(url, start);
        if (at < 0) {
            return url;
        }
        String user = url.substring(start, at);
        int colon = user.indexOf(':');
        String kept = !ssh ? "" : (colon < 0 ? user : user.substring(0, colon)) + "@";
        return url.substring(0, start) + kept + url.substring(at + 1);
    }

    static Optional<String> host(String url) {
        int authority = url.indexOf(SCHEME_END);
        if (authority < 0) {
            return Optional.empty();
        }
        int start = authority + SCHEME_END.length();
        int end = authorityEnd(url, start);
        int at = userInfoEnd(url, start);
        String hostAndPort = url.substring(at < 0 ? start : at + 1, end);
        String host = hostAndPort.startsWith("[") ? hostAndPort : hostAndPort.replaceFirst(":[0-9]*$", "");
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    static boolean isParsable(String url) {
        return parse(url).isPresent();
    }

    /** ssh:// or git's scp-like {@code user@host:path}. */
    static boolean isSsh(String url) {
        return parse(url).map(uri -> "ssh".equalsIgnoreCase(uri.getScheme())
                || uri.getScheme() == null && uri.getHost() != null).orElse(false);
    }

    static boolean isHttp(String url) {
        return parse(url).map(uri -> "http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme())).orElse(false);
    }

    static Optional<String> user(String url) {
        return parse(url).map(URIish::getUser).filter(user -> !user.isEmpty());
    }

    static Optional<String> password(String url) {
        return parse(url).map(URIish::getPass).filter(password -> !password.isEmpty());
    }

    private static Optional<URIish> parse(String url) {
        try {
            return Optional.of(new URIish(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The '@' that ends the user info (the last one, since an unescaped '@' in a password is common), or -1. */
    private static int userInfoEnd(String url, int start) {
        int end = authorityEnd(url, start);
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? at : -1;
    }

    private static int authorityEnd(String url, int start) {
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '#') {
                return i;
            }
        }
        return url.length();
    }
}
