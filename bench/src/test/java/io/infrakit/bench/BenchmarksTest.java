package io.infrakit.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness itself: statistics, the table, and small workloads that really run. Timings are never asserted. */
class BenchmarksTest {

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        Stats stats = Stats.of(List.of(Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(30),
                Duration.ofMillis(20)));

        assertThat(stats.median()).isEqualTo(Duration.ofMillis(25));
        assertThat(stats.min()).isEqualTo(Duration.ofMillis(10));
        assertThat(stats.max()).isEqualTo(Duration.ofMillis(40));
        assertThat(stats.runs()).isEqualTo(4);
    }

    @Test
    void theTableHasOneRowPerResultWithThroughput() {
        Stats stats = Stats.of(List.of(Duration.ofMillis(500)));
        String table = Table.render(List.of(new Result("provision 1000", stats, 1000, "<= 1000 ms")));

        assertThat(table.lines()).hasSize(3);
        assertThat(table).contains("| provision 1000 | 1 | 500.0 | 500.0 | 500.0 | 2000 | <= 1000 ms |");
    }

    @Test
    void theSimulatorWorkloadsProvisionDescribeAndDestroyForReal() {
        List<Result> results = new java.util.ArrayList<>(SimulatorBenchmark.inProcess(200, 2));
        results.addAll(SimulatorBenchmark.overSocket(50, 1));

        assertThat(results).extracting(Result::name).containsExactly(
                "simulator provision+describe 200, in-process", "simulator destroy 200, in-process",
                "simulator provision+describe 50, unix socket", "simulator destroy 50, unix socket");
        assertThat(results).allSatisfy(result -> assertThat(result.stats().median()).isPositive());
    }

    @Test
    void unknownArgumentsAreNamed() {
        assertThatThrownBy(() -> Benchmarks.Options.parse(new String[] {"--fast"}))
                .hasMessageStartingWith("unknown argument --fast");
    }
}
