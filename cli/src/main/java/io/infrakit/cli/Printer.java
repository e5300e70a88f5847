package io.infrakit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.infrakit.spi.Json;

import java.util.List;
import java.util.function.Supplier;

/** Prints a command's data as text, JSON or YAML. */
final class Printer {

    private Printer() {
    }

    static void print(CliEnvironment cli, OutputFormat format, Object data, Supplier<String> text) {
        String rendered = switch (format) {
            case text -> text.get();
            case json -> encode(Json.mapper(), data);
            case yaml -> encode(Yaml.MAPPER, data);
        };
        cli.out().print(rendered.endsWith("\n") || rendered.isEmpty() ? rendered : rendered + "\n");
        cli.out().flush();
    }

    /** Left-aligned columns, as InfraKit's tables print them. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        rows.forEach(row -> appendRow(out, row, widths));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i] + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(Math.max(0, width - cell.length()));
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
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
