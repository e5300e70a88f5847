package io.infrakit.templates;

import java.io.IOException;
import java.io.Writer;

/** Collects rendered text and fails the render once it would exceed {@link Limits#MAX_OUTPUT} characters. */
final class BoundedWriter extends Writer {

    static final String LIMIT_REASON = "rendered output exceeds " + Limits.describe(Limits.MAX_OUTPUT);

    /** Thrown by a write that would go over the limit; Freemarker lets IOExceptions end the render. */
    static final class OutputLimitExceeded extends IOException {
        OutputLimitExceeded() {
            super(LIMIT_REASON);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final SourceMap.Recorder recorder;
    private boolean exceeded;

    BoundedWriter() {
        this(null);
    }

    /** A writer that also notes which template element wrote what ({@code recorder} may be null). */
    BoundedWriter(SourceMap.Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        ensureRoomFor(length);
        record();
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) throws IOException {
        ensureRoomFor(length);
        record();
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int character) throws IOException {
        ensureRoomFor(1);
        record();
        text.append((char) character);
    }

    private void record() {
        if (recorder != null) {
            recorder.writing(text.length());
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    @Override
    public void flush() {
        // Everything is in memory already.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    private void ensureRoomFor(int length) throws OutputLimitExceeded {
        if (exceeded || (long) text.length() + length > Limits.MAX_OUTPUT) {
            exceeded = true;
            throw new OutputLimitExceeded();
        }
    }
}
