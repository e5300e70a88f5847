package io.infrakit.playbooks.registry;

import io.infrakit.common.UsageException;
import org.eclipse.jgit.lib.Repository;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a playbook comes from: {@code URL[#REF]} with an optional {@code //subdir} (Terraform style), e.g.
 * {@code git://host/repo.git//examples/qs#v1.2}, {@code https://host/x.git#main}, {@code file:///srv/x.git}, or a
 * local path (made absolute, {@code file://}). The URL may carry {@code user:password@} for fetching; only
 * {@link #display()} (and so {@link #toString()}) is ever shown or stored.
 */
public record PlaybookSource(String url, Optional<String> ref, Optional<String> subdir) {

    private static final Set<String> SCHEMES = Set.of("git", "http", "https", "ssh", "file");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    // git's own rule: a colon before any slash makes it ssh (user@host:path); a single letter is a drive, not a host
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?[^@/:]{2,}:.+");

    public PlaybookSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(subdir, "subdir");
    }

    /** Reads what a user typed; a relative local path is taken from {@code workingDirectory}. */
    public static PlaybookSource parse(String text, Path workingDirectory) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            throw invalid(input, "it is empty");
        }
        String location = input;
        Optional<String> ref = Optional.empty();
        Optional<String> subdir = Optional.empty();
        int hash = location.indexOf('#');
        if (hash >= 0) {
            String fragment = location.substring(hash + 1);
            location = location.substring(0, hash);
            int slashes = fragment.indexOf("//");
            if (slashes >= 0) {
                subdir = Optional.of(subdir(input, fragment.substring(slashes + 2)));
                fragment = fragment.substring(0, slashes);
            }
            ref = Optional.of(ref(input, fragment));
        }
        int slashes = subdirSeparator(location);
        if (slashes >= 0) {
            if (subdir.isPresent()) {
                throw invalid(input, "it names a //subdir twice");
            }
            subdir = Optional.of(subdir(input, location.substring(slashes + 2)));
            location = location.substring(0, slashes);
        }
        return new PlaybookSource(url(input, location, workingDirectory), ref, subdir);
    }

    /** The URL without credentials, then {@code //subdir} and {@code #ref}: what output, logs and the lock file show. */
    public String display() {
        return GitUrl.withoutCredentials(url) + subdir.map(dir -> "//" + dir).orElse("")
                + ref.map(name -> "#" + name).orElse("");
    }

    @Override
    public String toString() {
        return display();
    }

    PlaybookSource withoutCredentials() {
        return new PlaybookSource(GitUrl.withoutCredentials(url), ref, subdir);
    }

    PlaybookSource withRef(String name) {
        return new PlaybookSource(url, Optional.of(name), subdir);
    }

    /** Where {@code //subdir} starts: the first double slash after the scheme's own. */
    private static int subdirSeparator(String location) {
        Matcher scheme = SCHEME.matcher(location);
        int from = scheme.find() ? scheme.end() + 1 : 1;
        return location.length() > from ? location.indexOf("//", from) : -1;
    }

    private static String url(String input, String location, Path workingDirectory) {
        if (location.isEmpty()) {
            throw invalid(input, "it names no repository");
        }
        Matcher scheme = SCHEME.matcher(location);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(name)) {
                throw invalid(input, "unsupported scheme '" + scheme.group(1)
                        + "://' (use git://, https://, http://, ssh://, file:// or a local path)");
            }
            if (!name.equals("file") && GitUrl.host(location).isEmpty()) {
                throw invalid(input, "it names no host");
            }
            if (!GitUrl.isParsable(location)) {
                throw invalid(input, "not a URL git understands");
            }
            return location;
        }
        if (SCP_LIKE.matcher(location).matches()) {
            return location;
        }
        try {
            return "file://" + workingDirectory.resolve(location).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(input, "not a path: " + e.getReason());
        }
    }

    private static String ref(String input, String name) {
        if (name.isEmpty()) {
            throw invalid(input, "nothing follows '#' (give a branch, tag or commit)");
        }
        if (!Repository.isValidRefName("refs/heads/" + name)) {
            throw invalid(input, "'" + name + "' is not a valid branch, tag or commit name");
        }
        return name;
    }

    private static String subdir(String input, String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            throw invalid(input, "nothing follows '//' (give a subdirectory of the repository)");
        }
        if (Arrays.stream(trimmed.split("/")).anyMatch(part -> part.isEmpty() || part.equals(".")
                || part.equals("..") || part.equals(".git"))) {
            throw invalid(input, "subdirectory '" + trimmed + "' must be a plain path inside the repository");
        }
        return trimmed;
    }

    private static UsageException invalid(String input, String why) {
        return new UsageException("invalid playbook source '" + GitUrl.withoutCredentials(input) + "': " + why);
    }
}
