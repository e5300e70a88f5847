package io.infrakit.engine.group;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes one group's journal when it changed since last written. Writers are serialised and each writes the state
 * as it is when it gets its turn, so the last write always has the latest state; a removed group writes nothing.
 */
final class JournalWriter {

    private final GroupState group;
    private RolloutJournal written;

    JournalWriter(GroupState group) {
        this.group = group;
    }

    synchronized void write(JournalStore store) {
        RolloutJournal current = group.journalIfManaged();
        if (current == null || current.equals(written)) {
            return;
        }
        store.save(group.id, current);
        if (written == null || !written.revisions().equals(current.revisions())) {
            store.retainRevisions(group.id, Stream.concat(
                    current.revisions().stream().map(RolloutJournal.Entry::id),
                    Stream.of(current.committed(), current.target(), current.fallback(), current.proven()))
                    .filter(Objects::nonNull).toList());
        }
        written = current;
    }

    /** Deletes the journal of a removed group, after any write under way. */
    synchronized void delete(JournalStore store) {
        store.delete(group.id);
        written = null;
    }
}
