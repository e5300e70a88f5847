package io.infrakit.playbooks;

import io.infrakit.spi.group.GroupId;

import java.util.List;

/** What a playbook run did (or, pretending, would do). */
public record RunSummary(String command, RunMode mode, int imagesBuilt, List<GroupId> committed, int scaled,
                         int destroyed) {

    public RunSummary {
        committed = List.copyOf(committed);
    }

    public String describe() {
        String verb = mode == RunMode.EXECUTE ? "" : "would have ";
        return command + ": " + verb + count(imagesBuilt, "image") + " built, " + count(committed.size(), "group")
                + " committed, " + count(scaled, "group") + " scaled, " + count(destroyed, "group") + " destroyed";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
