package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.SpecText;
import io.infrakit.templates.Rendered;
import io.infrakit.templates.Templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a spec a user gives as a file or on stdin ({@code -}), JSON or YAML in UTF-8, with errors at file:line:column;
 * a file ending in {@code .ftl} is a template, rendered with the given variables first, and its errors are at the
 * template's line and column.
 */
public final class SpecFiles {

    private SpecFiles() {
    }

    /** @param workingDirectory where a relative file name starts from */
    public static <T> T read(String source, InputStream stdin, Path workingDirectory, Class<T> type) {
        String name = "-".equals(source) ? "<stdin>" : source;
        return SpecText.read(name, readBytes(source, stdin, workingDirectory), type);
    }

    public static <T> T readOrRender(String source, InputStream stdin, Path workingDirectory, Class<T> type,
                              Map<String, Object> vars, InfrakitHome home) {
        if (!source.endsWith(".ftl")) {
            return read(source, stdin, workingDirectory, type);
        }
        Rendered rendered = new Templates(CliTemplates.policy(source, workingDirectory, home, List.of(), null))
                .session().render(source, workingDirectory, vars);
        return SpecText.read(source, rendered.text(), type, rendered.positions(source));
    }

    private static byte[] readBytes(String source, InputStream stdin, Path workingDirectory) {
        try {
            if ("-".equals(source)) {
                return stdin.readAllBytes();
            }
            return Files.readAllBytes(workingDirectory.resolve(source));
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(source + ": no such file");
        } catch (IOException e) {
            throw new InvalidSpecException(source + ": cannot read: " + e.getMessage());
        }
    }
}
