package io.infrakit.plugins.instance.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Each EC2 state, one case each: described as a member, replaced but destroyable, or gone. */
class InstanceStatesTest {

    @Test
    void pendingIsAMember() {
        assertThat(InstanceStates.of(InstanceStateName.PENDING)).isEqualTo(InstanceStates.MEMBER);
        assertThat(InstanceStates.MEMBER.described()).isTrue();
        assertThat(InstanceStates.MEMBER.destroyable()).isTrue();
    }

    @Test
    void runningIsAMember() {
        assertThat(InstanceStates.of(InstanceStateName.RUNNING)).isEqualTo(InstanceStates.MEMBER);
    }

    @Test
    void stoppingIsNotDescribedButCanBeDestroyed() {
        assertThat(InstanceStates.of(InstanceStateName.STOPPING)).isEqualTo(InstanceStates.STOPPED);
        assertThat(InstanceStates.STOPPED.described()).isFalse();
        assertThat(InstanceStates.STOPPED.destroyable()).isTrue();
    }

    @Test
    void stoppedIsNotDescribedButCanBeDestroyed() {
        assertThat(InstanceStates.of(InstanceStateName.STOPPED)).isEqualTo(InstanceStates.STOPPED);
    }

    @Test
    void shuttingDownIsGone() {
        assertThat(InstanceStates.of(InstanceStateName.SHUTTING_DOWN)).isEqualTo(InstanceStates.GONE);
        assertThat(InstanceStates.GONE.described()).isFalse();
        assertThat(InstanceStates.GONE.destroyable()).isFalse();
    }

    @Test
    void terminatedIsGone() {
        assertThat(InstanceStates.of(InstanceStateName.TERMINATED)).isEqualTo(InstanceStates.GONE);
    }

    @Test
    void aStateThisSdkDoesNotKnowIsNotAMemberButCanBeDestroyed() {
        assertThat(InstanceStates.of(InstanceStateName.UNKNOWN_TO_SDK_VERSION)).isEqualTo(InstanceStates.STOPPED);
    }

    @Test
    void describeAsksEc2ForExactlyTheMemberStates() {
        assertThat(InstanceStates.DESCRIBED).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(InstanceStateName.values()).filter(state -> state != InstanceStateName.UNKNOWN_TO_SDK_VERSION)
                        .filter(state -> InstanceStates.of(state).described()).map(InstanceStateName::toString)
                        .toList());
    }
}
