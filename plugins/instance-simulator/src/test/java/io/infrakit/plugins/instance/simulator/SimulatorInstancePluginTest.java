package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorInstancePluginTest {

    private static final InstanceSpec WEB = InstanceSpec.of(Any.empty(), Map.of(Tags.GROUP, "web"));

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void theSameSeedGivesTheSameIds() {
        List<InstanceId> first = provisionTimes(plugin(SimulatorSettings.defaults().withSeed(42)), 20);
        List<InstanceId> second = provisionTimes(plugin(SimulatorSettings.defaults().withSeed(42)), 20);
        List<InstanceId> otherSeed = provisionTimes(plugin(SimulatorSettings.defaults().withSeed(43)), 20);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).doesNotContainAnyElementsOf(first);
        assertThat(first).allSatisfy(id -> assertThat(id.value()).matches("compute-[0-9a-f]{12}"));
    }

    @Test
    void theSameSeedFailsTheSameProvisions() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(7).withFailureRate(0.3);

        List<Boolean> first = outcomes(plugin(settings), 1000);
        List<Boolean> second = outcomes(plugin(settings), 1000);

        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(succeeded -> !succeeded).count();
        assertThat(failed).isBetween(230L, 370L);
    }

    @Test
    void aFailedProvisionIsAPluginExceptionAndLeavesNoInstance() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults().withFailureRate(1));

        assertThatThrownBy(() -> plugin.provision(WEB))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("simulated provision failure")
                .satisfies(e -> assertThat(((PluginException) e).plugin()).isEqualTo("simulator/compute"));
        assertThat(plugin.size()).isZero();
    }

    @Test
    void theSameSeedFailsTheSameDestroysAndAFailedDestroyKeepsTheInstance() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(7).withDestroyFailureRate(0.3);

        List<Boolean> first = destroyOutcomes(plugin(settings), 1000);
        List<Boolean> second = destroyOutcomes(plugin(settings), 1000);

        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(succeeded -> !succeeded).count();
        assertThat(failed).isBetween(230L, 370L);
        SimulatorInstancePlugin alwaysFails = plugin(SimulatorSettings.defaults().withDestroyFailureRate(1)
                .withDelays(Duration.ZERO, Duration.ofSeconds(3)));
        InstanceId id = alwaysFails.provision(WEB);
        assertThatThrownBy(() -> alwaysFails.destroy(id, DestroyReason.TERMINATE))
                .isInstanceOf(PluginException.class)
                .hasMessage("simulated destroy failure of " + id + " (failure rate 1.0)");
        assertThat(alwaysFails.describeInstances(Map.of(), false)).extracting(InstanceDescription::id)
                .containsExactly(id);
        assertThat(sleeper.sleeps()).as("the failed destroy took its time").containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void theSameSeedFailsTheSameDescribes() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(7).withDescribeFailureRate(0.1);

        List<Boolean> first = describeOutcomes(plugin(settings), 1000);
        List<Boolean> second = describeOutcomes(plugin(settings), 1000);

        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(succeeded -> !succeeded).count();
        assertThat(failed).isBetween(60L, 140L);
        assertThatThrownBy(() -> plugin(SimulatorSettings.defaults().withDescribeFailureRate(1))
                .describeInstances(Map.of(Tags.GROUP, "web"), true))
                .isInstanceOf(PluginException.class)
                .hasMessage("simulated describe failure (failure rate 1.0)");
    }

    @Test
    void describesDoNotChangeWhichDestroysFail() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(3).withDestroyFailureRate(0.5)
                .withDescribeFailureRate(0.5);
        SimulatorInstancePlugin quiet = plugin(settings);
        SimulatorInstancePlugin chatty = plugin(settings);
        describeOutcomes(chatty, 17);

        assertThat(destroyOutcomes(chatty, 200)).isEqualTo(destroyOutcomes(quiet, 200));
    }

    @Test
    void neverFailsWithAZeroFailureRate() {
        SimulatorSettings settings = SimulatorSettings.defaults();
        assertThat(outcomes(plugin(settings), 500)).containsOnly(true);
        assertThat(destroyOutcomes(plugin(settings), 500)).containsOnly(true);
        assertThat(describeOutcomes(plugin(settings), 500)).containsOnly(true);
    }

    @Test
    void refusesToProvisionBeyondItsCapacity() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults().withCapacity(10));
        List<InstanceId> ids = provisionTimes(plugin, 10);

        assertThatThrownBy(() -> plugin.provision(WEB))
                .isInstanceOf(PluginException.class)
                .hasMessage("simulator capacity of 10 instances reached");

        plugin.destroy(ids.get(0), DestroyReason.TERMINATE);
        plugin.provision(WEB);
        assertThat(plugin.size()).isEqualTo(10);
    }

    @Test
    void theSpecsCapLowersTheCapacity() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults().withCapacity(10));
        InstanceSpec capped = InstanceSpec.of(Any.parse("{\"simulator_cap\": 2}"), Map.of());
        plugin.provision(capped);
        plugin.provision(capped);

        assertThatThrownBy(() -> plugin.provision(capped)).hasMessage("simulator capacity of 2 instances reached");
        assertThat(plugin.provision(WEB)).isNotNull();
    }

    @Test
    void waitsTheProvisionAndDestroyDelays() {
        SimulatorInstancePlugin plugin = plugin(
                SimulatorSettings.defaults().withDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));

        InstanceId id = plugin.provision(WEB);
        plugin.destroy(id, DestroyReason.TERMINATE);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    @Test
    void theSpecsDelayReplacesTheProvisionDelay() {
        SimulatorInstancePlugin plugin = plugin(
                SimulatorSettings.defaults().withDelays(Duration.ofMillis(100), Duration.ZERO));

        plugin.provision(InstanceSpec.of(Any.parse("{\"simulator_delay\": \"1m30s\"}"), Map.of()));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void doesNotWaitWithoutDelaysNorForUnknownInstances() {
        SimulatorInstancePlugin plugin =
                plugin(SimulatorSettings.defaults().withDelays(Duration.ZERO, Duration.ofSeconds(5)));

        plugin.provision(WEB);
        assertThatThrownBy(() -> plugin.destroy(InstanceId.of("compute-000000000000"), DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);

        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void describeWithPropertiesReturnsTheProvisionedProperties() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults());
        Any properties = Any.parse("{\"note\": \"hello\"}");

        plugin.provision(InstanceSpec.of(properties, Map.of(Tags.GROUP, "web")));

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), true))
                .extracting(InstanceDescription::properties).containsExactly(properties);
    }

    @Test
    void typedStoresAreIndependent() {
        PluginObjects objects = SimulatorPluginProvider.objects(SimulatorSettings.defaults().withCapacity(1), sleeper);
        InstancePlugin compute = objects.instances().get("compute");
        InstancePlugin net = objects.instances().get("net");

        InstanceId id = compute.provision(WEB);
        InstanceId other = net.provision(WEB);

        assertThat(net.describeInstances(Map.of(), false)).extracting(InstanceDescription::id).containsExactly(other);
        assertThat(objects.instances().get("").describeInstances(Map.of(), false)).isEmpty();
        assertThat(objects.instances().get("disk").provision(WEB)).isNotNull();
        assertThatThrownBy(() -> net.destroy(id, DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThat(compute.describeInstances(Map.of(), false)).extracting(InstanceDescription::id).containsExactly(id);
    }

    @Test
    void holdsAHundredThousandInstancesAndFindsAGroupsMembers() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults());
        List<InstanceSpec> groups = IntStream.range(0, 10)
                .mapToObj(group -> InstanceSpec.of(Any.parse("{\"size\":\"small\"}"),
                        Map.of(Tags.GROUP, "group-" + group, Tags.CONFIG_HASH, "abc")))
                .toList();
        List<InstanceId> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(plugin.provision(groups.get(i % 10)));
        }

        assertThat(plugin.size()).isEqualTo(100_000);
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "group-3"), false)).hasSize(10_000);
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "group-3", Tags.CONFIG_HASH, "abc"), false))
                .hasSize(10_000);
        assertThat(plugin.describeInstances(Map.of(), false)).hasSize(100_000);

        plugin.label(ids.get(3), Map.of(Tags.GROUP, "group-4"));
        plugin.destroy(ids.get(13), DestroyReason.TERMINATE);

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "group-3"), false)).hasSize(9_998);
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "group-4"), false)).hasSize(10_001);
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "group-10"), false)).isEmpty();
    }

    @Test
    void subscribersAreToldOfEveryInstanceThatVanishesUntilTheyUnsubscribe() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults());
        List<InstanceId> ids = provisionTimes(plugin, 3);
        List<InstancesChanged> notices = new ArrayList<>();
        InstanceChangeNotices.Subscription subscription = plugin.subscribe(notices::add);

        plugin.kill(ids.get(0));
        plugin.destroy(ids.get(1), DestroyReason.TERMINATE);
        subscription.close();
        plugin.kill(ids.get(2));

        assertThat(notices).containsExactly(InstancesChanged.of(ids.get(0)), InstancesChanged.of(ids.get(1)));
        assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();
    }

    @Test
    void aFailedDestroyAndAKillOfAnUnknownInstanceTellNothing() {
        SimulatorInstancePlugin plugin = plugin(SimulatorSettings.defaults().withDestroyFailureRate(1));
        InstanceId id = plugin.provision(WEB);
        List<InstancesChanged> notices = new ArrayList<>();
        plugin.subscribe(notices::add);

        assertThatThrownBy(() -> plugin.destroy(id, DestroyReason.TERMINATE)).isInstanceOf(PluginException.class);
        assertThatThrownBy(() -> plugin.kill(InstanceId.of("compute-unknown")))
                .isInstanceOf(InstanceNotFoundException.class);

        assertThat(notices).isEmpty();
        assertThat(plugin.size()).isEqualTo(1);
    }

    private SimulatorInstancePlugin plugin(SimulatorSettings settings) {
        return new SimulatorInstancePlugin("compute", settings, sleeper);
    }

    private static List<InstanceId> provisionTimes(SimulatorInstancePlugin plugin, int times) {
        return IntStream.range(0, times).mapToObj(i -> plugin.provision(WEB)).toList();
    }

    /** Provisions as many instances as there are tries, then for each destroy of one, whether it succeeded. */
    private static List<Boolean> destroyOutcomes(SimulatorInstancePlugin plugin, int times) {
        List<InstanceId> ids = provisionTimes(plugin, times);
        List<Boolean> outcomes = new ArrayList<>();
        for (InstanceId id : ids) {
            try {
                plugin.destroy(id, DestroyReason.TERMINATE);
                outcomes.add(true);
            } catch (PluginException e) {
                outcomes.add(false);
            }
        }
        assertThat(plugin.size()).isEqualTo(outcomes.stream().filter(succeeded -> !succeeded).count());
        return outcomes;
    }

    /** For each describe, whether it succeeded. */
    private static List<Boolean> describeOutcomes(SimulatorInstancePlugin plugin, int times) {
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            try {
                plugin.describeInstances(Map.of(), false);
                outcomes.add(true);
            } catch (PluginException e) {
                outcomes.add(false);
            }
        }
        return outcomes;
    }

    /** For each provision, whether it succeeded. */
    private static List<Boolean> outcomes(SimulatorInstancePlugin plugin, int times) {
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            try {
                plugin.provision(WEB);
                outcomes.add(true);
            } catch (PluginException e) {
                outcomes.add(false);
            }
        }
        return outcomes;
    }
}
