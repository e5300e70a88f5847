package io.infrakit.engine.group;

import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's revisions, the most recently committed first, at most {@link #LIMIT}: older ones are dropped unless
 * they are still needed (the committed, target, fallback or proven config).
 */
record RevisionHistory(List<RolloutJournal.Entry> entries) {

    static final int LIMIT = 10;

    RevisionHistory {
        entries = List.copyOf(entries);
    }

    static RevisionHistory empty() {
        return new RevisionHistory(List.of());
    }

    /** The config is (again) the latest commit: it moves to the top. */
    RevisionHistory committed(String hash, Instant at, String plan, List<String> needed) {
        List<RolloutJournal.Entry> next = new ArrayList<>();
        RolloutJournal.Entry entry = find(hash).map(found -> found.recommitted(at, plan))
                .orElseGet(() -> new RolloutJournal.Entry(hash, at, plan, null));
        next.add(entry);
        for (RolloutJournal.Entry other : entries) {
            if (!other.id().equals(hash) && (next.size() < LIMIT || needed.contains(other.id()))) {
                next.add(other);
            }
        }
        return new RevisionHistory(next);
    }

    RevisionHistory proven(String hash, Instant at) {
        return new RevisionHistory(entries.stream().map(e -> e.id().equals(hash) ? e.proven(at) : e).toList());
    }

    Optional<RolloutJournal.Entry> find(String hash) {
        return entries.stream().filter(entry -> entry.id().equals(hash)).findFirst();
    }

    boolean isProven(String hash) {
        return find(hash).map(entry -> entry.provenHealthyAt() != null).orElse(false);
    }

    /**
     * The revision a user names by its ID or an unambiguous prefix of it; anything else is the user's mistake
     * (InvalidSpecException, exit 3), told in one line with the revisions there are.
     */
    String resolve(GroupId group, String prefix) {
        List<String> matches = entries.stream().map(RolloutJournal.Entry::id)
                .filter(id -> id.startsWith(prefix.strip())).toList();
        if (matches.isEmpty() || prefix.isBlank()) {
            throw new InvalidSpecException("Group '" + group + "' has no revision '" + prefix + "'; its revisions: "
                    + String.join(", ", ids()));
        }
        if (matches.size() > 1) {
            throw new InvalidSpecException("Revision '" + prefix + "' of group '" + group + "' is ambiguous: "
                    + String.join(", ", matches));
        }
        return matches.get(0);
    }

    /** The most recently committed revision proven healthy, other than the one targeted now. */
    String lastProvenOtherThan(GroupId group, String target) {
        return entries.stream()
                .filter(entry -> entry.provenHealthyAt() != null && !entry.id().equals(target))
                .map(RolloutJournal.Entry::id)
                .findFirst()
                .orElseThrow(() -> new InfrakitException("Group '" + group
                        + "' has no revision proven healthy to roll back to"));
    }

    List<String> ids() {
        return entries.stream().map(RolloutJournal.Entry::id).toList();
    }

    List<Revision> revisions(String target) {
        return entries.stream().map(entry -> new Revision(entry.id(), entry.committedAt(), entry.plan(),
                entry.provenHealthyAt() != null, entry.id().equals(target))).toList();
    }
}
