package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.Revision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The controller's revisions: restoring a group from its journal, recording commits, and rolling back. */
final class GroupRevisions {

    private static final Logger LOG = LoggerFactory.getLogger(GroupRevisions.class);

    private final JournalStore journals;
    private final Clock clock;

    GroupRevisions(JournalStore journals, Clock clock) {
        this.journals = journals;
        this.clock = clock;
    }

    /**
     * The state of a group the controller does not watch yet: from its journal if there is one (a restart). A
     * journal written with the {@link io.infrakit.engine.group.spec.LegacyConfigHash legacy hash} is read with each
     * revision it can read back renamed to that revision's config hash, and those revisions stored again under it,
     * so an upgrade is not a new commit.
     */
    GroupState created(GroupSpec spec, GroupProperties properties, String plan) {
        Instant now = clock.instant();
        Optional<RolloutJournal> found = journals.load(spec.id());
        if (found.isEmpty()) {
            return new GroupState(spec, properties, plan, now);
        }
        Map<String, String> renamed = new HashMap<>();
        renamed.put(properties.legacyConfigHash(), properties.configHash());
        Map<String, GroupProperties> readBack = new HashMap<>();
        Stream.concat(Stream.of(found.get().target(), found.get().fallback(), found.get().proven()),
                        found.get().revisions().stream().map(RolloutJournal.Entry::id))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(hash -> read(spec, hash).ifPresent(revision -> {
                    String current = revision.properties().configHash();
                    if (!current.equals(hash)) {
                        journals.saveRevision(spec.id(), current, revision.text());
                        renamed.put(hash, current);
                    }
                    readBack.put(current, revision.properties());
                }));
        RolloutJournal journal = found.get().renamed(renamed);
        Map<String, GroupProperties> stored = new HashMap<>();
        Stream.of(journal.target(), journal.fallback(), journal.proven())
                .filter(Objects::nonNull)
                .filter(readBack::containsKey)
                .forEach(hash -> stored.put(hash, readBack.get(hash)));
        LOG.info("group {}: journal found, rollout to {} goes on", spec.id(), journal.target());
        return GroupState.restored(spec, properties, plan, now, journal, stored);
    }

    /** Keeps the committed config as a revision and the journal as it stands now. */
    void committed(GroupState group, GroupSpec spec, String plan) {
        String hash = group.properties().configHash();
        journals.saveRevision(spec.id(), hash, spec.properties());
        group.journalWriter.write(journals);
        group.events.add(clock.instant(), "Committed", "", "committed config " + hash + ": " + plan);
    }

    Revision rollback(GroupState group, Optional<String> toRevision) {
        RevisionHistory history = group.history();
        String hash = toRevision.isPresent() ? history.resolve(group.id, toRevision.get())
                : history.lastProvenOtherThan(group.id, group.rollout().targetHash());
        GroupProperties target = group.revision(hash)
                .or(() -> read(group.spec(), hash).map(StoredRevision::properties))
                .orElseThrow(() -> new InfrakitException("Revision '" + hash + "' of group '" + group.id
                        + "' is no longer stored"));
        Instant now = clock.instant();
        Revision revision = group.rollback(hash, target, now, "rolling back to " + hash + ": requested by the user");
        group.journalWriter.write(journals);
        group.events.add(now, revision.provenHealthy() ? "RollbackStarted" : "RolloutStarted", "",
                (revision.provenHealthy() ? "rolling back" : "rolling out") + " to revision " + hash
                        + ", requested by the user");
        LOG.info("group {}: rollback to {} requested", group.id, hash);
        return revision;
    }

    /** A stored revision whose config hash, or legacy hash, is the one it is stored under. */
    private Optional<StoredRevision> read(GroupSpec spec, String hash) {
        try {
            return journals.loadRevision(spec.id(), hash)
                    .map(text -> new StoredRevision(text, GroupPropertiesParser.parse(text)))
                    .filter(revision -> revision.properties().configHash().equals(hash)
                            || revision.properties().legacyConfigHash().equals(hash));
        } catch (RuntimeException e) {
            LOG.warn("group {}: revision {} cannot be read back: {}", spec.id(), hash, e.getMessage());
            return Optional.empty();
        }
    }

    private record StoredRevision(Any text, GroupProperties properties) {
    }
}
