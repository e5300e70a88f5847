package io.infrakit.cli.playbook;

import io.infrakit.dsl.Param;
import io.infrakit.playbooks.Prompter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Asks on the terminal, showing the default; a secret is typed without echo. */
final class TerminalPrompter implements Prompter {

    private LineReader reader;

    @Override
    public Optional<String> ask(Param param) {
        String question = param.prompt() != null ? param.prompt()
                : param.description() != null && !param.description().isBlank() ? param.description() : param.name();
        String suffix = param.defaultValue() == null || param.secret() ? ": " : " [" + param.defaultValue() + "]: ";
        try {
            String answer = reader().readLine(question + suffix, param.secret() ? '*' : null);
            return Optional.ofNullable(answer);
        } catch (EndOfFileException | UserInterruptException e) {
            return Optional.empty();
        }
    }

    private LineReader reader() {
        if (reader == null) {
            try {
                Terminal terminal = TerminalBuilder.builder().system(true).build();
                reader = LineReaderBuilder.builder().terminal(terminal).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reader;
    }
}
