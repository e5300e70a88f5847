package io.infrakit.cli.group;

import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.OutputFormat;
import io.infrakit.spi.Json;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.RolloutControl;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Polls a group's events and prints each once: a line of text, or one JSON object per line. With
 * untilConverged, stops once the group has converged and every event before that is printed.
 */
final class EventWatch {

    private final CliEnvironment cli;
    private final RolloutControl rollouts;
    private final GroupId id;
    private final OutputFormat format;
    private final Runnable pause;

    EventWatch(CliEnvironment cli, RolloutControl rollouts, GroupId id, OutputFormat format, Runnable pause) {
        this.cli = cli;
        this.rollouts = rollouts;
        this.id = id;
        this.format = format;
        this.pause = pause;
    }

    void run(boolean fromKept, boolean untilConverged) {
        long after = fromKept ? 0 : last(rollouts.events(id, 0), 0);
        for (boolean firstLook = true; ; firstLook = false) {
            // Status before events: what happened up to convergence is in the events fetched after it.
            boolean converged = untilConverged && rollouts.status(id).converged();
            List<GroupEvent> events = rollouts.events(id, after);
            events.forEach(this::print);
            after = last(events, after);
            if (converged) {
                if (firstLook) {
                    cli.notice("group " + id + " has already converged");
                }
                return;
            }
            pause.run();
        }
    }

    private void print(GroupEvent event) {
        String text = switch (format) {
            case json -> Json.write(event);
            default -> line(event);
        };
        cli.out().println(text);
        cli.out().flush();
    }

    static String line(GroupEvent event) {
        return event.time().truncatedTo(ChronoUnit.MILLIS) + "  " + event.type()
                + (event.instance().isEmpty() ? "" : "  " + event.instance()) + "  " + event.message();
    }

    private static long last(List<GroupEvent> events, long otherwise) {
        return events.isEmpty() ? otherwise : events.get(events.size() - 1).sequence();
    }
}
