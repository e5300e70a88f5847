package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text an {@code InitScriptTemplateURL} points at. Until the template engine arrives this reads only
 * {@code file:} URLs (an absolute path, resolved against nothing but the URL) and {@code str://} URLs (the rest of
 * the URL is the text), and returns the text as it is, without rendering it.
 */
final class InitScriptTemplate {

    private static final String STRING_SCHEME = "str://";
    private static final String FILE_SCHEME = "file:";

    private InitScriptTemplate() {
    }

    /** The template's text; throws InvalidSpecException naming the URL when it cannot be read. */
    static String read(String url) {
        if (url.startsWith(STRING_SCHEME)) {
            return url.substring(STRING_SCHEME.length());
        }
        if (url.startsWith(FILE_SCHEME)) {
            return readFile(url);
        }
        throw new InvalidSpecException("cannot read InitScriptTemplateURL \"" + url
                + "\": only file: and str:// URLs are supported for now");
    }

    private static String readFile(String url) {
        Path path;
        try {
            path = Path.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("cannot read InitScriptTemplateURL \"" + url
                    + "\": expected an absolute file URL such as file:///etc/infrakit/init.sh", e);
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException("cannot read InitScriptTemplateURL \"" + url + "\": no such file", e);
        } catch (IOException e) {
            throw new InvalidSpecException("cannot read InitScriptTemplateURL \"" + url + "\": " + e.getMessage(), e);
        }
    }
}
