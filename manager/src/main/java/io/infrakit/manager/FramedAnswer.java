package io.infrakit.manager;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one command, written as it runs: frames of the launcher's protocol on one HTTP response.
 * {@code o LENGTH\n BYTES} is stdout, {@code e LENGTH\n BYTES} stderr, {@code k\n} a keep-alive, and the last is
 * {@code x CODE\n} (the exit code), {@code i\n} (send your stdin and ask again) or {@code l\n} (run it yourself).
 * What a command prints is gathered and sent every {@link #drain()}, so a short command's output goes in one frame
 * per stream and a long one's as it comes.
 */
final class FramedAnswer {

    private final Response response;
    private final Channel out = new Channel('o');
    private final Channel err = new Channel('e');
    private boolean broken;
    private boolean finished;

    FramedAnswer(Response response) {
        this.response = response;
    }

    OutputStream out() {
        return out;
    }

    OutputStream err() {
        return err;
    }

    /** Sends what was printed since the last drain; false once the caller is gone. */
    synchronized boolean drain() {
        return out.send() && err.send();
    }

    synchronized boolean keepAlive() {
        return send("k\n".getBytes(StandardCharsets.US_ASCII));
    }

    synchronized void exit(int code) {
        drain();
        last("x " + code);
    }

    /** The last frame: nothing is sent after it, not even a keep-alive. */
    synchronized void last(String frame) {
        send((frame + "\n").getBytes(StandardCharsets.US_ASCII));
        finished = true;
    }

    private boolean send(byte[] frame) {
        if (broken || finished) {
            return !broken;
        }
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(frame), written);
            written.block();
            return true;
        } catch (IOException | RuntimeException e) {
            broken = true;
            return false;
        }
    }

    private final class Channel extends OutputStream {

        private final char name;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Channel(char name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            synchronized (FramedAnswer.this) {
                pending.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (FramedAnswer.this) {
                pending.write(bytes, offset, length);
            }
        }

        private boolean send() {
            if (pending.size() == 0) {
                return !broken;
            }
            byte[] header = (name + " " + pending.size() + "\n").getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream frame = new ByteArrayOutputStream(header.length + pending.size());
            frame.writeBytes(header);
            frame.writeBytes(pending.toByteArray());
            pending.reset();
            return FramedAnswer.this.send(frame.toByteArray());
        }
    }
}
