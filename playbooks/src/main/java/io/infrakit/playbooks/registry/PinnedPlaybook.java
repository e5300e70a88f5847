package io.infrakit.playbooks.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A playbook in the registry: its source (never with credentials, and with the ref it follows, the remote's default
 * branch if none was given) and the commit it is pinned to.
 */
public record PinnedPlaybook(String name, PlaybookSource source, String commit, Instant fetchedAt, boolean trusted) {

    public PinnedPlaybook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
