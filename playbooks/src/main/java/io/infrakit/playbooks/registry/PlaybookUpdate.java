package io.infrakit.playbooks.registry;

import java.util.List;
import java.util.Objects;

/**
 * What an update did to a pin.
 *
 * @param commits      the commits the pin moved over, {@code "abc1234 subject"}, newest first
 * @param changedFiles the files that differ in the playbook's tree ({@code "M path"}, {@code "A path"},
 *                     {@code "D path"}), relative to its //subdir
 */
public record PlaybookUpdate(PinnedPlaybook before, PinnedPlaybook after, List<String> commits,
                             List<String> changedFiles) {

    public PlaybookUpdate {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        commits = List.copyOf(commits);
        changedFiles = List.copyOf(changedFiles);
    }

    public boolean changed() {
        return !before.commit().equals(after.commit());
    }
}
