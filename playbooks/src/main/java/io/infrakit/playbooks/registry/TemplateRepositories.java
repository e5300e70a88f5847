package io.infrakit.playbooks.registry;

import io.infrakit.spi.InvalidSpecException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Templates read from git repositories: {@code git::URL//PATH[#REF]} (any URL a playbook may come from) or a
 * {@code git://} / {@code ssh://} URL with {@code //PATH}. The repository is fetched the way a playbook is (the same
 * credentials, the same one-line failures, exit 5), pinned on first use under
 * {@code $INFRAKIT_HOME/cache/templates}, and read from there afterwards, offline too, until refreshed.
 */
public final class TemplateRepositories {

    public static final String PREFIX = "git::";

    private final PlaybookRegistry cache;

    public TemplateRepositories(Path home, Clock clock, Map<String, String> environment) {
        this.cache = new PlaybookRegistry(home.resolve("cache").resolve("templates"), clock, environment, false);
    }

    /** True when the location names a template in a git repository rather than a file or a plain URL. */
    public static boolean isGitTemplate(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith(PREFIX) || lower.startsWith("git://") || lower.startsWith("ssh://");
    }

    /**
     * The template's file in a local checkout of its repository at the pinned commit; with {@code refresh}, the
     * repository is fetched again and the pin moves to what the ref names now.
     */
    public Path checkout(String location, Path workingDirectory, boolean refresh) {
        String text = location.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? location.substring(PREFIX.length()) : location;
        PlaybookSource named = PlaybookSource.parse(text, workingDirectory);
        String path = named.subdir().orElseThrow(() -> new InvalidSpecException(location
                + ": name the template inside the repository with //PATH, e.g. git::URL//groups/web.json.ftl#v1"));
        PlaybookSource repository = new PlaybookSource(named.url(), named.ref(), Optional.empty());
        String name = cacheName(repository);
        if (cache.find(name).isEmpty()) {
            cache.add(name, repository, false);
        } else if (refresh) {
            cache.update(name);
        }
        Path root = cache.checkout(name);
        Path template = root.resolve(path).normalize();
        if (!template.startsWith(root) || !Files.isRegularFile(template)) {
            throw new InvalidSpecException(location + ": no file " + path + " in " + repository.display()
                    + " at commit " + cache.find(name).map(pin -> pin.commit().substring(0, 12)).orElse("?"));
        }
        return template;
    }

    /** One cache entry per repository and ref: the same template at two refs can be used side by side. */
    private static String cacheName(PlaybookSource repository) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(repository.display().getBytes(StandardCharsets.UTF_8));
            return "t-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
