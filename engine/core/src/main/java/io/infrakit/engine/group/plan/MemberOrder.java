package io.infrakit.engine.group.plan;

import java.util.Comparator;

/** The orders in which members are picked; "self" always goes last, as in InfraKit. */
public final class MemberOrder {

    /** InfraKit's sortByID: by instance ID, self last. */
    public static final Comparator<Member> BY_ID_SELF_LAST =
            Comparator.comparing(Member::self).thenComparing(Member::id);

    /** Who goes first when some must go: the not healthy, then the stale, then the lowest IDs; self last. */
    public static Comparator<Member> removalOrder(String targetHash) {
        return Comparator.comparing(Member::self)
                .thenComparing(Member::healthy)
                .thenComparing(member -> member.configHash().equals(targetHash))
                .thenComparing(Member::id);
    }

    /** Which stale member a rolling update replaces first: the not healthy, then by ID; self last. */
    public static final Comparator<Member> REPLACEMENT_ORDER =
            Comparator.comparing(Member::self).thenComparing(Member::healthy).thenComparing(Member::id);

    private MemberOrder() {
    }
}
