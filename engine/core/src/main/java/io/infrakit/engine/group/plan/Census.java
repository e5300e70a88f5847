package io.infrakit.engine.group.plan;

import io.infrakit.spi.instance.LogicalId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members sorted into what the planner counts: live members (not being destroyed) split into fresh (target
 * config) and stale; for pets, strays (unknown or duplicate logical IDs) to remove, and members without a logical ID
 * ignored; provisions under way split the same way.
 */
record Census(List<Member> fresh, List<Member> stale, List<Member> strays, int provisionsFresh, int provisionsStale,
              int observedCount, int healthy, int freshHealthy, Member drainedSelf) {

    static Census of(PlanInput input) {
        String target = input.rollout().targetHash();
        boolean pets = input.allocation().isQuorum();
        List<Member> live = new ArrayList<>();
        List<Member> strays = new ArrayList<>();
        for (Member member : input.members()) {
            if (input.destroying().contains(member.id()) || (pets && member.logicalId() == null)) {
                continue;
            }
            live.add(member);
        }
        if (pets) {
            live = keepOnePerLogicalId(live, Set.copyOf(input.allocation().logicalIds()), target, strays);
        }
        List<Member> fresh = new ArrayList<>();
        List<Member> stale = new ArrayList<>();
        Member drainedSelf = null;
        for (Member member : live) {
            if (member.configHash().equals(target)) {
                fresh.add(member);
            } else if (member.self() && input.rollout().selfDrained()) {
                drainedSelf = member;
            } else {
                stale.add(member);
            }
        }
        int provisionsFresh = (int) input.provisions().stream().filter(p -> p.configHash().equals(target)).count();
        int healthy = (int) live.stream().filter(Member::healthy).count();
        int freshHealthy = (int) fresh.stream().filter(Member::healthy).count();
        return new Census(fresh, stale, strays, provisionsFresh, input.provisions().size() - provisionsFresh,
                input.members().size(), healthy, freshHealthy, drainedSelf);
    }

    private static List<Member> keepOnePerLogicalId(List<Member> members, Set<LogicalId> wanted, String target,
                                                    List<Member> strays) {
        Map<LogicalId, Member> kept = new LinkedHashMap<>();
        Comparator<Member> better = Comparator.comparing((Member m) -> !m.configHash().equals(target))
                .thenComparing(m -> !m.healthy())
                .thenComparing(Member::id);
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(better);
        for (Member member : sorted) {
            if (!wanted.contains(member.logicalId()) || kept.putIfAbsent(member.logicalId(), member) != null) {
                strays.add(member);
            }
        }
        return new ArrayList<>(kept.values());
    }

    int liveCount() {
        return fresh.size() + stale.size() + (drainedSelf == null ? 0 : 1);
    }

    boolean staleExist() {
        return !stale.isEmpty() || provisionsStale > 0;
    }

    Set<LogicalId> liveLogicalIds() {
        Set<LogicalId> ids = new HashSet<>();
        fresh.forEach(m -> ids.add(m.logicalId()));
        stale.forEach(m -> ids.add(m.logicalId()));
        if (drainedSelf != null) {
            ids.add(drainedSelf.logicalId());
        }
        return ids;
    }
}
