package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;

import java.util.Collection;
import java.util.Optional;

/** Where a controller keeps each group's rollout journal and the content of its revisions. */
public interface JournalStore {

    Optional<RolloutJournal> load(GroupId group);

    void save(GroupId group, RolloutJournal journal);

    /** Keeps the properties a config hash was first committed with; a revision once stored never changes. */
    void saveRevision(GroupId group, String configHash, Any properties);

    Optional<Any> loadRevision(GroupId group, String configHash);

    /** Drops the stored revisions other than these. */
    void retainRevisions(GroupId group, Collection<String> configHashes);

    /** Forgets the group: its journal and revisions. */
    void delete(GroupId group);

    /** Keeps nothing: for controllers without a home, such as tests and the simulator. */
    static JournalStore none() {
        return NoJournal.INSTANCE;
    }

    final class NoJournal implements JournalStore {
        private static final NoJournal INSTANCE = new NoJournal();

        @Override
        public Optional<RolloutJournal> load(GroupId group) {
            return Optional.empty();
        }

        @Override
        public void save(GroupId group, RolloutJournal journal) {
        }

        @Override
        public void saveRevision(GroupId group, String configHash, Any properties) {
        }

        @Override
        public Optional<Any> loadRevision(GroupId group, String configHash) {
            return Optional.empty();
        }

        @Override
        public void retainRevisions(GroupId group, Collection<String> configHashes) {
        }

        @Override
        public void delete(GroupId group) {
        }
    }
}
