package io.infrakit.common;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows a stream that may end at any time (a daemon's event stream) on a daemon thread of its own, from
 * {@link #start} until {@link #stop}: when the stream ends or cannot be opened it is opened again, at once after a
 * stream that had connected, else backing off from {@link #FIRST_BACKOFF} doubling up to {@link #LONGEST_BACKOFF}.
 * Each opening is told whether it reconnects, since what happened while no stream was open is unknown.
 */
public final class ReconnectingStream {

    public static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    public static final Duration LONGEST_BACKOFF = Duration.ofSeconds(1);

    /** One opened stream. */
    public interface Connection {

        /** Returns when the stream has ended, or been closed. */
        void awaitEnd() throws InterruptedException;

        /** Whether the stream got as far as connecting. */
        boolean connected();

        void close();
    }

    /** Opens a stream; {@code reconnecting} is false for the first one after {@link #start}. */
    public interface Opener {
        Connection open(boolean reconnecting);
    }

    private final String threadName;
    private final Opener opener;
    private final Consumer<RuntimeException> failed;
    private volatile Thread follower;
    private volatile Connection connection;

    /** @param failed told why an opening failed or a stream broke; the stream is opened again all the same */
    public ReconnectingStream(String threadName, Opener opener, Consumer<RuntimeException> failed) {
        this.threadName = threadName;
        this.opener = opener;
        this.failed = failed;
    }

    /** Starts following; not to be called again before {@link #stop}. */
    public void start() {
        Thread thread = new Thread(this::follow, threadName);
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    public void stop() {
        Thread thread = follower;
        follower = null;
        if (thread != null) {
            thread.interrupt();
            closeConnection();
        }
    }

    private void follow() {
        Duration backoff = FIRST_BACKOFF;
        boolean reconnecting = false;
        while (follower == Thread.currentThread()) {
            Connection opened = null;
            try {
                opened = opener.open(reconnecting);
                connection = opened;
                if (follower != Thread.currentThread()) {
                    return;
                }
                opened.awaitEnd();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed.accept(e);
            } finally {
                closeConnection();
            }
            if (follower != Thread.currentThread()) {
                return;
            }
            backoff = opened != null && opened.connected() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
            reconnecting = true;
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException e) {
                // the stream is gone either way
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
