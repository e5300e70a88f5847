package io.infrakit.templates;

import freemarker.core.Environment;
import freemarker.core.TemplateElement;
import freemarker.core.TextBlock;
import freemarker.core._CoreAPI;
import io.infrakit.common.TextPositions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which part of a template wrote each part of its output, so that an error found in the output (JSON that does not
 * parse, a misspelt field) names the template's line and column, which the user can edit, rather than the
 * rendered text's, which they never see. Literal text maps character by character; what an interpolation or a
 * function wrote maps to where that interpolation starts; text from an included template maps to the include call.
 */
public final class SourceMap {

    /** Output from {@code start} on was written by the template element that begins at line:column of template. */
    private record Segment(int start, String template, int line, int column, boolean literal) {
    }

    /** A position in a template: its name as Freemarker knows it, 1-based line and column. */
    record Position(String template, int line, int column) {
    }

    private final List<Segment> segments;
    private final String topTemplate;

    private SourceMap(List<Segment> segments, String topTemplate) {
        this.segments = List.copyOf(segments);
        this.topTemplate = topTemplate;
    }

    static SourceMap empty() {
        return new SourceMap(List.of(), "");
    }

    /**
     * Positions in {@code output} as errors name them: {@code name:line:col} of the template that wrote them, where
     * {@code name} stands for the rendered template itself; a position nothing maps is named as in the output.
     */
    public TextPositions positions(String name, String output) {
        return (line, column) -> sourceOf(output, line, column)
                .map(at -> (at.template().equals(topTemplate) ? name : ErrorMessages.displayName(at.template()))
                        + ":" + at.line() + ":" + at.column())
                .orElse(name + ": rendered output, line " + line + ", column " + column);
    }

    Optional<Position> sourceOf(String output, int line, int column) {
        int offset = offsetOf(output, line, column);
        if (offset < 0) {
            return Optional.empty();
        }
        Segment segment = null;
        for (Segment candidate : segments) {
            if (candidate.start() > offset) {
                break;
            }
            segment = candidate;
        }
        if (segment == null) {
            return Optional.empty();
        }
        if (!segment.literal()) {
            return Optional.of(new Position(segment.template(), segment.line(), segment.column()));
        }
        int atLine = segment.line();
        int atColumn = segment.column();
        for (int i = segment.start(); i < offset; i++) {
            if (output.charAt(i) == '\n') {
                atLine++;
                atColumn = 1;
            } else {
                atColumn++;
            }
        }
        return Optional.of(new Position(segment.template(), atLine, atColumn));
    }

    private static int offsetOf(String output, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = output.indexOf('\n', offset);
            if (offset < 0) {
                return -1;
            }
            offset++;
        }
        int at = offset + column - 1;
        return at <= output.length() ? Math.min(at, Math.max(0, output.length() - 1)) : -1;
    }

    /** Notes, as a top-level render writes, which template element each write comes from. */
    static final class Recorder {

        private final List<Segment> segments = new ArrayList<>();
        private String topTemplate = "";

        /** Called before each write: {@code start} is where in the output it begins. */
        void writing(int start) {
            Environment environment = Environment.getCurrentEnvironment();
            if (environment == null) {
                return;
            }
            if (topTemplate.isEmpty()) {
                topTemplate = environment.getMainTemplate().getName();
            }
            TemplateElement[] stack = _CoreAPI.getInstructionStackSnapshot(environment);
            if (stack.length == 0 || stack[0].getTemplate() == null) {
                return;
            }
            TemplateElement element = stack[0];
            segments.add(new Segment(start, element.getTemplate().getName(), element.getBeginLine(),
                    element.getBeginColumn(), element instanceof TextBlock));
        }

        SourceMap map() {
            return new SourceMap(segments, topTemplate);
        }
    }
}
