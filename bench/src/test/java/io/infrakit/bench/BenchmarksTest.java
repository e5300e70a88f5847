package io.infrakit.bench;

import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness itself: statistics, the table, and small workloads that really run. Timings are never asserted.
 * The benchmarks that need the launcher and a manager process run only from bench/run.sh.
 */
class BenchmarksTest {

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        Stats stats = Stats.of(List.of(Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(30),
                Duration.ofMillis(20)));

        assertThat(stats.median()).isEqualTo(25.0);
        assertThat(stats.min()).isEqualTo(10.0);
        assertThat(stats.max()).isEqualTo(40.0);
        assertThat(stats.runs()).isEqualTo(4);
    }

    @Test
    void theTableHasOneRowPerResultWithItsUnitAndThroughputForTimings() {
        String table = Table.render(List.of(
                new Result("provision 1000", Stats.of(List.of(Duration.ofMillis(500))), 1000, "<= 1000 ms"),
                Result.measured("manager RSS", List.of(100.0, 120.0, 110.0), Result.MIB, "<= 160 MiB")));

        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("| provision 1000 | 1 | 500.0 | 500.0 | 500.0 | ms | 2000 | <= 1000 ms |")
                .contains("| manager RSS | 3 | 110.0 | 100.0 | 120.0 | MiB | - | <= 160 MiB |");
    }

    @Test
    void theColdCommitUsesInfraKitsCattleSpecWithInitLinesAndTagsAtTheGivenSize() {
        GroupSpec spec = Any.parse(ColdCommitBenchmark.cattle(1000)).decode(GroupSpec.class);

        Any properties = spec.properties();
        assertThat(spec.id().value()).isEqualTo("cattle");
        assertThat(properties.node().at("/Allocation/Size").intValue()).isEqualTo(1000);
        assertThat(properties.node().at("/Instance/Plugin").textValue()).isEqualTo("file");
        assertThat(properties.node().at("/Flavor/Properties/Init")).hasSize(2);
        assertThat(properties.node().at("/Flavor/Properties/Tags/tier").textValue()).isEqualTo("web");
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
    void theOutsidePluginsAreStartedAsProcessesAndDescribeAsManyInstancesAsOurFilePlugin() {
        List<Result> results = OutsidePluginBenchmark.run(20, 1);

        assertThat(results).extracting(Result::name).containsExactly(
                "python plugin: process start to first Handshake.Hello",
                "perl plugin: process start to first Handshake.Hello",
                "file plugin, in-process: one Instance.Validate", "file plugin, in-process: describe 20 instances",
                "file plugin, unix socket: one Instance.Validate", "file plugin, unix socket: describe 20 instances",
                "python plugin, unix socket: one Instance.Validate", "python plugin, unix socket: describe 20 instances",
                "perl plugin, unix socket: one Instance.Validate", "perl plugin, unix socket: describe 20 instances");
        assertThat(results).allSatisfy(result -> assertThat(result.stats().median()).isPositive());
    }

    @Test
    void theRealControllerConvergesASmallGroupAndItsHeapIsMeasured() {
        List<Result> results = ControllerBenchmark.commitToConverged(List.of(50), 1);
        Result heap = ControllerBenchmark.heap(50, 1);

        assertThat(results).singleElement().extracting(Result::name).asString()
                .startsWith("commit to converged, 50 simulated instances");
        assertThat(heap.unit()).isEqualTo(Result.MIB);
        assertThat(heap.stats().median()).isPositive();
    }

    @Test
    void aVirtualTimeRolloutRunsInBatchesOfTenPercent() {
        Result result = VirtualRolloutBenchmark.run(100, 1);

        assertThat(result.name()).startsWith("virtual-time rollout of 100 instances, MaxSurge 10% (10 batches, ");
    }

    @Test
    void instanceFilesAreCountedAndTheirConfigHashesRead(@TempDir Path dir) throws IOException {
        String hash = FileFlowBenchmark.hash(FileFlowBenchmark.spec(2, "1", ""));
        for (String name : List.of("instance-1", "instance-2")) {
            Files.writeString(dir.resolve(name), "{\"ID\": \"" + name + "\", \"Tags\": {\"infrakit.config.hash\": \""
                    + hash + "\"}}");
        }
        InstanceFiles files = new InstanceFiles(dir);

        assertThat(files.count()).isEqualTo(2);
        assertThat(files.allOn(hash, 2)).isTrue();
        assertThat(files.allOn("other", 2)).isFalse();
        files.delete(1);
        assertThat(files.count()).isEqualTo(1);
    }

    @Test
    void thisProcessHasResidentMemoryAndCpuTime() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessStats.rssMiB(pid)).isPositive();
        assertThat(ProcessStats.cpuSeconds(pid)).isPositive();
    }

    @Test
    void quickRunsAreSmaller() {
        Benchmarks.Options quick = Benchmarks.Options.parse(new String[] {"--quick"});

        assertThat(quick.runs()).isEqualTo(2);
        assertThat(quick.controllerSizes()).doesNotContain(100_000);
        assertThat(quick.flows()).extracting(Benchmarks.FlowCase::size).containsExactly(10, 100);
        assertThat(Benchmarks.Options.parse(new String[0]).flows())
                .as("the full run: N = 10, 100, 1,000 at 100 ms, 1 s and the default poll")
                .extracting(flow -> flow.size() + "@" + flow.poll().toMillis())
                .containsExactlyInAnyOrder("10@100", "10@1000", "10@10000", "100@100", "100@1000", "100@10000",
                        "1000@100", "1000@1000", "1000@10000");
    }

    @Test
    void unknownArgumentsAreNamed() {
        assertThatThrownBy(() -> Benchmarks.Options.parse(new String[] {"--fast"}))
                .hasMessageStartingWith("unknown argument --fast");
    }
}
