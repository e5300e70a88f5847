package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.store.FileSpecStore;
import io.infrakit.engine.store.SpecKey;
import io.infrakit.engine.store.StoredSpec;

import java.util.Comparator;
import java.util.List;

/** The group specs committed in a home, read from its files as a restarted manager would: no manager needed. */
public final class CommittedGroups {

    private CommittedGroups() {
    }

    /** Sorted by group ID. */
    public static List<StoredSpec> in(InfrakitHome home) {
        return new FileSpecStore(home.configsDir()).load().stream()
                .filter(stored -> SpecKey.GROUP_KIND.equals(stored.key().kind()))
                .sorted(Comparator.comparing(stored -> stored.key().name()))
                .toList();
    }
}
