package io.infrakit.engine.group.plan;

import java.util.List;

/** The planner's answer: the actions to run now, the rollout as it stands after them, and the group's assessment. */
public record Plan(List<Action> actions, RolloutState rollout, Assessment assessment) {

    public Plan {
        actions = List.copyOf(actions);
    }
}
