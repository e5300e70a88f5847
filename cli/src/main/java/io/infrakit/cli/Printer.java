package io.infrakit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.infrakit.spi.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Prints a command's data as text, JSON or YAML. */
public final class Printer {

    private Printer() {
    }

    public static void print(CliEnvironment cli, OutputFormat format, Object data, Supplier<String> text) {
        print(cli, format, data, out -> out.print(endLine(text.get())));
    }

    /**
     * The text format written straight to the output, for outputs too big to build as one string first; the writer
     * ends its lines itself.
     */
    public static void print(CliEnvironment cli, OutputFormat format, Object data, Consumer<PrintWriter> text) {
        switch (format) {
            case text -> text.accept(cli.out());
            case json -> cli.out().print(endLine(encode(Json.mapper(), data)));
            case yaml -> cli.out().print(endLine(encode(Yaml.MAPPER, data)));
        }
        cli.out().flush();
    }

    private static String endLine(String text) {
        return text.endsWith("\n") || text.isEmpty() ? text : text + "\n";
    }

    /** Left-aligned columns, as InfraKit's tables print them. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<Function<List<String>, String>> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            columns.add(row -> row.get(column));
        }
        table(out, header, rows, columns);
        out.flush();
        return text.toString();
    }

    /**
     * Left-aligned columns, each cell of a row from its column's function, written line by line. The last column
     * is never padded, so its cells are made once, when their line is written.
     */
    public static <R> void table(PrintWriter out, List<String> header, List<R> rows, List<Function<R, String>> columns) {
        int last = columns.size() - 1;
        int[] widths = new int[last];
        for (int i = 0; i < last; i++) {
            widths[i] = header.get(i).length();
            for (R row : rows) {
                widths[i] = Math.max(widths[i], columns.get(i).apply(row).length());
            }
        }
        Line line = new Line(widths);
        line.write(out, header);
        List<String> cells = new ArrayList<>(columns.size());
        for (R row : rows) {
            cells.clear();
            columns.forEach(column -> cells.add(column.apply(row)));
            line.write(out, cells);
        }
    }

    /** One line at a time, written whole: every cell but the last padded, and no whitespace at the end. */
    private static final class Line {

        private final int[] widths;
        private final StringBuilder text = new StringBuilder();
        private char[] chars = new char[0];

        Line(int[] widths) {
            this.widths = widths;
        }

        void write(PrintWriter out, List<String> cells) {
            text.setLength(0);
            int last = cells.size() - 1;
            for (int i = 0; i < last; i++) {
                text.append(cells.get(i));
                for (int pad = widths[i] + 2 - cells.get(i).length(); pad > 0; pad--) {
                    text.append(' ');
                }
            }
            text.append(cells.get(last));
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
            text.append('\n');
            if (chars.length < text.length()) {
                chars = new char[text.length() * 2];
            }
            text.getChars(0, text.length(), chars, 0);
            out.write(chars, 0, text.length());
        }
    }

    private static String encode(ObjectMapper mapper, Object data) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print: " + e.getOriginalMessage(), e);
        }
    }

    /** Loaded only when YAML is asked for: text output must not pay for Jackson's YAML start-up. */
    private static final class Yaml {

        static final ObjectMapper MAPPER = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // Else a string such as "1" prints as 1, and reads back as a number.
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
