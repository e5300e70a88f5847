package io.infrakit.cli;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.Blocker;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a command run in the manager prints, until it is sent: kept in Jetty's growable buffer, which adds pieces as
 * it grows instead of copying one array each time (a 10,000-row table is a megabyte).
 */
final class CapturedOutput extends OutputStream {

    private final RetainableByteBuffer.DynamicCapacity buffer = new RetainableByteBuffer.DynamicCapacity();

    @Override
    public void write(int b) {
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        buffer.put(bytes, offset, length);
    }

    long size() {
        return buffer.size();
    }

    /** Sends what was printed, waiting until it is written. */
    void sendTo(Content.Sink sink, boolean last) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            buffer.writeTo(sink, last, written);
            written.block();
        }
    }
}
