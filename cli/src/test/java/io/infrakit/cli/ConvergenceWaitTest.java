package io.infrakit.cli;

import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvergenceWaitTest {

    final StringWriter out = new StringWriter();
    final CliEnvironment cli = new CliEnvironment(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(), false);

    @Test
    void printsOneLinePerChangeUntilTheGroupConverges() {
        GroupPlugin groups = scripted(described(2, false), described(2, false), described(4, false), described(5, true));

        int code = new ConvergenceWait(cli, groups, GroupId.of("web"), Duration.ofMinutes(1), 5).await();

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("group web: 2 of 5 instances\ngroup web: 4 of 5 instances\n"
                + "group web: 5 of 5 instances, converged\n");
    }

    @Test
    void aGroupThatDoesNotConvergeInTimeIsExitSix() {
        GroupPlugin groups = scripted(described(1, false));

        assertThatThrownBy(() -> new ConvergenceWait(cli, groups, GroupId.of("web"), Duration.ZERO, 5).await())
                .isInstanceOf(NotConvergedException.class)
                .hasMessage("group web did not converge within 0 ms (1 of 5 instances)")
                .satisfies(error -> assertThat(ExitCode.of(error)).isEqualTo(6));
    }

    @Test
    void theTargetIsTheSizeForCattleAndTheLogicalIdsForPets() {
        assertThat(GroupCommitCommand.targetSize(new GroupSpec(GroupId.of("a"), Any.parse("{\"Allocation\":{\"Size\":7}}"))))
                .isEqualTo(7);
        assertThat(GroupCommitCommand.targetSize(new GroupSpec(GroupId.of("a"),
                Any.parse("{\"Allocation\":{\"LogicalIDs\":[\"x\",\"y\"]}}")))).isEqualTo(2);
    }

    static GroupDescription described(int instances, boolean converged) {
        return new GroupDescription(IntStream.range(0, instances)
                .mapToObj(i -> new InstanceDescription(InstanceId.of("i-" + i), null, Map.of(), Any.empty()))
                .toList(), converged);
    }

    /** Answers describe with the given descriptions in turn, then the last one for ever. */
    static GroupPlugin scripted(GroupDescription... descriptions) {
        Deque<GroupDescription> queue = new ArrayDeque<>(List.of(descriptions));
        return new GroupPlugin() {
            @Override
            public GroupDescription describeGroup(GroupId id) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }

            @Override
            public String commitGroup(GroupSpec spec, boolean pretend) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void freeGroup(GroupId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void destroyGroup(GroupId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<GroupSpec> inspectGroups() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void destroyInstances(GroupId id, List<InstanceId> instances) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size(GroupId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void setSize(GroupId id, int size) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
