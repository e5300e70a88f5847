package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
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

    /** The state of a group the controller does not watch yet: from its journal if there is one (a restart). */
    GroupState created(GroupSpec spec, GroupProperties properties, String plan) {
        Instant now = clock.instant();
        Optional<RolloutJournal> journal = journals.load(spec.id());
        if (journal.isEmpty()) {
            return new GroupState(spec, properties, plan, now);
        }
        Map<String, GroupProperties> stored = new HashMap<>();
        Stream.of(journal.get().target(), journal.get().fallback(), journal.get().proven())
                .filter(Objects::nonNull)
                .distinct()
                .forEach(hash -> read(spec, hash).ifPresent(found -> stored.put(hash, found)));
        LOG.info("group {}: journal found, rollout to {} goes on", spec.id(), journal.get().target());
        return GroupState.restored(spec, properties, plan, now, journal.get(), stored);
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
                .or(() -> read(group.spec(), hash))
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

    private Optional<GroupProperties> read(GroupSpec spec, String hash) {
        try {
            return journals.loadRevision(spec.id(), hash).map(GroupPropertiesParser::parse)
                    .filter(properties -> properties.configHash().equals(hash));
        } catch (RuntimeException e) {
            LOG.warn("group {}: revision {} cannot be read back: {}", spec.id(), hash, e.getMessage());
            return Optional.empty();
        }
    }
}
