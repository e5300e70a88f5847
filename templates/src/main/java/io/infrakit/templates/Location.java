package io.infrakit.templates;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a template or a fetched text comes from: a local file, an http(s) URL, or an inline body. References
 * written in a template resolve against the directory of the template that wrote them.
 */
sealed interface Location {

    /**
     * The file name given to a document that has no file of its own (an inline body, the working directory as a
     * base), so that references resolve against its directory.
     */
    String ANCHOR_NAME = "(inline)";

    Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

    /** The name users see in errors and in {@link Rendered#name()}. */
    String displayName();

    /** The name Freemarker knows the template by; references from the template resolve against it. */
    String templateName();

    /** The location a reference without a scheme denotes, relative to this location's directory. */
    Location relative(String reference);

    static Location inDirectory(Path directory) {
        return new LocalFile(directory.toAbsolutePath().normalize().resolve(ANCHOR_NAME));
    }

    /** The location of a template known to Freemarker by {@code name} (see {@link #templateName()}). */
    static Location ofTemplateName(String name) {
        return inDirectory(Path.of("/")).resolve(name);
    }

    /** {@code reference} may be a path (relative or absolute), a file://, http(s):// or str:// URL. */
    default Location resolve(String reference) {
        Matcher scheme = SCHEME.matcher(reference);
        if (!scheme.lookingAt()) {
            return relative(reference);
        }
        String rest = reference.substring(scheme.end());
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "str" -> new Inline(Inline.abbreviate(reference), rest, relative(ANCHOR_NAME));
            case "file" -> fileUrl(rest.startsWith("localhost/") ? rest.substring("localhost".length()) : rest);
            case "http", "https" -> new WebResource(WebResource.uri(reference));
            default -> throw new RenderProblem(
                    "unsupported URL scheme '" + scheme.group(1) + "' in " + reference);
        };
    }

    private Location fileUrl(String path) {
        return path.startsWith("/") ? new LocalFile(LocalFile.path(path).normalize()) : relative(path);
    }

    /** A file; {@code path} is absolute and normalised. */
    record LocalFile(Path path) implements Location {

        @Override
        public String displayName() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }

        @Override
        public String templateName() {
            return path.toString();
        }

        @Override
        public Location relative(String reference) {
            return new LocalFile(path.resolveSibling(path(reference)).normalize());
        }

        static Path path(String text) {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new RenderProblem("'" + text + "' is not a valid path");
            }
        }
    }

    /** An http or https URL. */
    record WebResource(URI uri) implements Location {

        @Override
        public String displayName() {
            String path = uri.getPath() == null ? "" : uri.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.isEmpty() ? uri.toString() : last;
        }

        @Override
        public String templateName() {
            return uri.toString();
        }

        @Override
        public Location relative(String reference) {
            return new WebResource(uri.resolve(uri(reference)));
        }

        static URI uri(String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw new RenderProblem("'" + text + "' is not a valid URL: " + e.getReason());
            }
        }
    }

    /**
     * A template body given as text; {@code anchor} places it in a directory, for the references it makes.
     */
    record Inline(String displayName, String body, Location anchor) implements Location {

        private static final int SHOWN_CHARACTERS = 40;

        @Override
        public String templateName() {
            return anchor.templateName();
        }

        @Override
        public Location relative(String reference) {
            return anchor.relative(reference);
        }

        /** A str:// URL as errors show it: its first line, at most 40 characters. */
        static String abbreviate(String url) {
            String firstLine = url.lines().findFirst().orElse("");
            boolean shownWhole = firstLine.length() == url.length() && url.length() <= SHOWN_CHARACTERS;
            return shownWhole ? url : firstLine.substring(0, Math.min(firstLine.length(), SHOWN_CHARACTERS)) + "...";
        }
    }
}
