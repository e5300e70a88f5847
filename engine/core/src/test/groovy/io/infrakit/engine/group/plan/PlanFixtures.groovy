package io.infrakit.engine.group.plan

import io.infrakit.engine.group.spec.AllocationSpec
import io.infrakit.engine.group.spec.Quantity
import io.infrakit.engine.group.spec.UpdatingSpec
import io.infrakit.spi.Any
import io.infrakit.spi.Tags
import io.infrakit.spi.flavor.Health
import io.infrakit.spi.instance.InstanceDescription
import io.infrakit.spi.instance.InstanceId
import io.infrakit.spi.instance.LogicalId

import java.time.Duration
import java.time.Instant

/** Builders that keep the planner's tables short: members are "id", "id:hash", with health and flags. */
class PlanFixtures {

    static final Instant NOW = Instant.parse('2024-01-01T00:00:00Z')
    static final Duration POLL = Duration.ofSeconds(10)

    static Member member(Map options = [:], String id) {
        String hash = options.hash ?: 'new'
        LogicalId logicalId = options.logicalId ? LogicalId.of(options.logicalId as String) : null
        Map<String, String> tags = [(Tags.CONFIG_HASH): hash]
        new Member(new InstanceDescription(InstanceId.of(id), logicalId, tags, Any.empty()), hash,
                (options.health ?: Health.HEALTHY) as Health, (options.since ?: NOW) as Instant, (options.self ?: false) as boolean)
    }

    static List<Member> members(String... ids) {
        ids.collect { String spec ->
            def parts = spec.split(':')
            member(parts[0], hash: parts.length > 1 ? parts[1] : 'new')
        }
    }

    static UpdatingSpec updating(Map options = [:]) {
        new UpdatingSpec((options.count ?: 0) as int, (options.duration ?: Duration.ZERO) as Duration, false,
                (options.maxSurge ?: Quantity.of(1)) as Quantity,
                (options.containsKey('maxUnavailable') ? options.maxUnavailable : Quantity.of(0)) as Quantity,
                (options.healthyDeadline ?: Duration.ofMinutes(10)) as Duration,
                (options.progressDeadline ?: Duration.ZERO) as Duration, (options.autoRollback ?: false) as boolean)
    }

    static PlanInput input(Map options) {
        AllocationSpec allocation = options.logicalIds
                ? new AllocationSpec(0, (options.logicalIds as List<String>).collect { LogicalId.of(it) }, 0)
                : new AllocationSpec(options.size as int, [], 0)
        RolloutState rollout = options.rollout ?: RolloutState.idle('new', options.fallback as String)
        new PlanInput(allocation, (options.updating ?: updating()) as UpdatingSpec, (options.maxParallel ?: 0) as int,
                options.containsKey('freshHealth') ? options.freshHealth as boolean : true, (options.mode ?: Mode.RUN) as Mode, (options.members ?: []) as List<Member>,
                (options.provisions ?: []) as List<PendingProvision>,
                ((options.destroying ?: []) as List<String>).collect { InstanceId.of(it) } as Set,
                (options.running ?: 0) as int, rollout, (options.now ?: NOW) as Instant)
    }

    /** Actions as short strings: "+" for a provision (with its logical ID), "-id/reason" for a destroy. */
    static List<String> describe(List<Action> actions) {
        actions.collect { Action action ->
            if (action instanceof Action.Provision) {
                Action.Provision p = action as Action.Provision
                return '+' + (p.logicalId() ?: '') + (p.configHash() == 'new' ? '' : '@' + p.configHash())
            }
            Action.Destroy d = action as Action.Destroy
            return '-' + d.instance().id() + '/' + d.reason().wire()
        }
    }
}
