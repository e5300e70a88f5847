package io.infrakit.engine.group;

import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flavor's last verdicts on a group's members, and whether a poll is due: with an {@code Updating} threshold the
 * flavor is asked at polls only, as in InfraKit, and a reconcile triggered by an event in between uses the verdicts
 * of the last poll. A member not checked yet is Unknown until the next poll.
 */
final class HealthSamples {

    private Map<InstanceId, Health> last = Map.of();
    private boolean pollDue = true;

    synchronized void pollDue() {
        pollDue = true;
    }

    /** Whether a poll came since the last reconcile that took one; takes it. */
    synchronized boolean takePoll() {
        boolean due = pollDue;
        pollDue = false;
        return due;
    }

    /** The verdicts of a poll, in the members' order. */
    synchronized void remember(List<InstanceDescription> members, Health[] verdicts) {
        Map<InstanceId, Health> next = new HashMap<>(members.size() * 2);
        for (int i = 0; i < verdicts.length; i++) {
            next.put(members.get(i).id(), verdicts[i]);
        }
        last = next;
    }

    /** Without a threshold health is asked on every reconcile: nothing to keep. */
    synchronized void forget() {
        last = Map.of();
    }

    /** The last poll's verdicts on these members, in their order. */
    synchronized Health[] remembered(List<InstanceDescription> members) {
        Health[] verdicts = new Health[members.size()];
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] = last.getOrDefault(members.get(i).id(), Health.UNKNOWN);
        }
        return verdicts;
    }
}
