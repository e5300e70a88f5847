package io.infrakit.plugins.instance.aws;

import software.amazon.awssdk.services.ec2.model.InstanceStateName;

import java.util.List;

/**
 * What an EC2 instance state means to a group, as InfraKit's aws plugin has it: only pending and running
 * instances are described (members; the flavor judges their health). A stopping or stopped instance is not
 * described, so its group replaces it, but it can still be destroyed (terminated). A shutting-down or terminated
 * instance is gone: not described, and destroying it again is "not found".
 */
enum InstanceStates {
    MEMBER,
    STOPPED,
    GONE;

    /** The states DescribeInstances asks EC2 for, as InfraKit's instance-state-name filter. */
    static final List<String> DESCRIBED = List.of(InstanceStateName.PENDING.toString(),
            InstanceStateName.RUNNING.toString());

    static InstanceStates of(InstanceStateName state) {
        return switch (state) {
            case PENDING, RUNNING -> MEMBER;
            case STOPPING, STOPPED -> STOPPED;
            case SHUTTING_DOWN, TERMINATED -> GONE;
            // a state this SDK does not know yet: not a member (the group replaces it), but still ours to destroy
            case UNKNOWN_TO_SDK_VERSION -> STOPPED;
        };
    }

    boolean described() {
        return this == MEMBER;
    }

    boolean destroyable() {
        return this != GONE;
    }
}
