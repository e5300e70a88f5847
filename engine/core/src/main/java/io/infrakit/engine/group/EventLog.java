package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A group's recent events, numbered from 1; the oldest are dropped beyond the capacity. */
final class EventLog {

    static final int CAPACITY = 1000;

    private final int capacity;
    private final Deque<GroupEvent> events = new ArrayDeque<>();
    private long sequence;

    EventLog() {
        this(CAPACITY);
    }

    EventLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Instant time, String type, String instance, String message) {
        events.addLast(new GroupEvent(++sequence, time, type, instance, message));
        if (events.size() > capacity) {
            events.removeFirst();
        }
    }

    /**
     * The events numbered above {@code after}; all that are kept when {@code after} is beyond the last number, as
     * when the controller restarted since the caller last asked.
     */
    synchronized List<GroupEvent> after(long after) {
        long from = after > sequence ? 0 : after;
        List<GroupEvent> newer = new ArrayList<>();
        for (GroupEvent event : events) {
            if (event.sequence() > from) {
                newer.add(event);
            }
        }
        return newer;
    }
}
