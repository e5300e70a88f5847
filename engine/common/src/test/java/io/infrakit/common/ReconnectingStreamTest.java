package io.infrakit.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A followed stream that ends or fails is opened again until it is stopped, and each opening says if it reconnects. */
class ReconnectingStreamTest {

    static final long WITHIN_SECONDS = 5;

    /** A stream the test ends or closes; it connects as it opens. */
    static final class Opened implements ReconnectingStream.Connection {
        final boolean reconnecting;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean closed;

        Opened(boolean reconnecting) {
            this.reconnecting = reconnecting;
        }

        @Override
        public void awaitEnd() throws InterruptedException {
            ended.await();
        }

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public void close() {
            closed = true;
            ended.countDown();
        }
    }

    final BlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    ReconnectingStream stream;

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.stop();
        }
    }

    @Test
    void aStreamThatEndsIsOpenedAgainAsAReconnection() throws InterruptedException {
        stream = new ReconnectingStream("test-stream", reconnecting -> {
            Opened next = new Opened(reconnecting);
            opened.add(next);
            return next;
        }, failures::add);
        stream.start();

        Opened first = opened.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.reconnecting).isFalse();
        first.ended.countDown();

        Opened second = opened.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        assertThat(second.reconnecting).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void anOpeningThatFailsIsToldAndTriedAgain() throws InterruptedException {
        CountDownLatch threeFailures = new CountDownLatch(3);
        stream = new ReconnectingStream("test-stream", reconnecting -> {
            if (threeFailures.getCount() > 0) {
                threeFailures.countDown();
                throw new IllegalStateException("daemon not there");
            }
            Opened next = new Opened(reconnecting);
            opened.add(next);
            return next;
        }, failures::add);
        stream.start();

        Opened connected = opened.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
        assertThat(connected).isNotNull();
        assertThat(connected.reconnecting).isTrue();
        assertThat(failures).hasSize(3).allSatisfy(e -> assertThat(e).hasMessage("daemon not there"));
    }

    @Test
    void stopClosesTheOpenStreamAndOpensNoOther() throws InterruptedException {
        stream = new ReconnectingStream("test-stream", reconnecting -> {
            Opened next = new Opened(reconnecting);
            opened.add(next);
            return next;
        }, failures::add);
        stream.start();
        Opened first = opened.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
        assertThat(first).isNotNull();

        stream.stop();

        assertThat(first.ended.await(WITHIN_SECONDS, TimeUnit.SECONDS)).as("the open stream ends").isTrue();
        assertThat(first.closed).isTrue();
        assertThat(opened.poll(ReconnectingStream.LONGEST_BACKOFF.toMillis() * 2, TimeUnit.MILLISECONDS)).isNull();
    }
}
