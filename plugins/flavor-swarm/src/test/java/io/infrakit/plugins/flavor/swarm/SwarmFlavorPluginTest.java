package io.infrakit.plugins.flavor.swarm;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SwarmFlavorPluginTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final Any HOST = Any.parse("{\"Docker\": {\"Host\": \"tcp://10.0.0.1:2375\"}}");
    static final Index INDEX = new Index("workers", 1);
    static final List<LogicalId> THREE = List.of(LogicalId.of("10.0.0.1"), LogicalId.of("10.0.0.2"),
            LogicalId.of("10.0.0.3"));

    final FakeSwarmNodes swarm = new FakeSwarmNodes();
    final FakeNodeEventSource streams = new FakeNodeEventSource();
    final SwarmFlavorPlugin worker = flavor(SwarmRole.WORKER, Optional.empty());
    final SwarmFlavorPlugin manager = flavor(SwarmRole.MANAGER, Optional.empty());

    SwarmFlavorPlugin flavor(SwarmRole role, Optional<String> dockerHost) {
        return new SwarmFlavorPlugin(role, swarm::at, dockerHost, CLOCK, new SwarmNodeEvents(streams));
    }

    @Test
    void aWorkerJoinsWithTheWorkerTokenAtTheManagerAndCarriesTheLinkAsTagsAndEngineLabels() {
        InstanceSpec input = InstanceSpec.of(Any.parse("{\"Note\": 1}"), Map.of("infrakit.group", "workers"));

        InstanceSpec prepared = worker.prepare(HOST, input, Allocation.ofSize(3), INDEX);

        String link = prepared.tags().get(Link.LABEL);
        assertThat(link).matches("[a-z0-9]{16}");
        assertThat(prepared.tags()).containsEntry("infrakit.group", "workers")
                .containsEntry(Tags.CLUSTER_ID, "cluster-1")
                .containsEntry(Link.CONTEXT_LABEL, "swarm::cluster-1::worker")
                .containsEntry(Link.CREATED_LABEL, "2026-01-02T03:04:05Z");
        assertThat(prepared.init())
                .contains("{\"labels\": [\"infrakit_link=" + link + "\", \"infrakit_link_context=swarm::cluster-1::worker\"")
                .contains("grep -q '\"infrakit_link=" + link + "\"'")
                .endsWith("docker swarm join --token SWMTKN-worker 10.0.0.1:2377\n");
        assertThat(prepared.properties()).isEqualTo(input.properties());
        assertThat(swarm.hosts).containsExactly("tcp://10.0.0.1:2375");
    }

    @Test
    void swarmJoinIpAndEngineLabelsComeFromTheProperties() {
        Any properties = Any.parse("{\"Docker\": {\"Host\": \"tcp://h:2375\"}, \"SwarmJoinIP\": \"192.168.1.5\","
                + " \"EngineLabels\": {\"zone\": \"a\"}}");

        InstanceSpec prepared = worker.prepare(properties, InstanceSpec.of(Any.empty(), Map.of()),
                Allocation.ofSize(1), INDEX);

        assertThat(prepared.init()).contains("{\"labels\": [\"zone=a\", \"infrakit_link=")
                .endsWith("docker swarm join --token SWMTKN-worker 192.168.1.5:2377\n");
    }

    @Test
    void dockerHostComesFromTheEnvironmentWhenThePropertiesNameNone() {
        SwarmFlavorPlugin fromEnvironment = flavor(SwarmRole.WORKER, Optional.of("unix:///run/other.sock"));

        fromEnvironment.prepare(Any.empty(), InstanceSpec.of(Any.empty(), Map.of()), Allocation.ofSize(1), INDEX);

        assertThat(swarm.hosts).containsExactly("unix:///run/other.sock");
        assertThatThrownBy(() -> worker.validate(Any.empty(), Allocation.ofSize(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("swarm/worker: no docker connect info: set Properties \"Docker\": {\"Host\": ...} or DOCKER_HOST");
    }

    @Test
    void theManagerNamedBySwarmJoinIpCreatesTheSwarmAndTheOthersJoinWithTheManagerToken() {
        Any properties = Any.parse("{\"Docker\": {\"Host\": \"tcp://h:2375\"}, \"SwarmJoinIP\": \"10.0.0.1\"}");
        Allocation pets = Allocation.ofLogicalIds(THREE);
        swarm.state = SwarmState.NONE;

        InstanceSpec first = manager.prepare(properties, pet("10.0.0.1"), pets, INDEX);

        assertThat(first.init()).endsWith("docker swarm init --advertise-addr 10.0.0.1\n");
        assertThat(first.tags()).containsEntry(Tags.CLUSTER_ID, "?").containsEntry(Link.CONTEXT_LABEL, "swarm::?::manager");
        assertThat(first.logicalId()).isEqualTo(LogicalId.of("10.0.0.1"));
        assertThatThrownBy(() -> manager.prepare(properties, pet("10.0.0.2"), pets, INDEX))
                .isInstanceOf(PluginException.class)
                .hasMessage("swarm/manager Flavor.Prepare: the engine at tcp://h:2375 manages no swarm, so there is no"
                        + " join token (the manager whose LogicalID is SwarmJoinIP creates it)");

        swarm.state = new SwarmState("cluster-1", "SWMTKN-worker", "SWMTKN-manager", "10.0.0.1:2377");
        assertThat(manager.prepare(properties, pet("10.0.0.2"), pets, INDEX).init())
                .endsWith("docker swarm join --token SWMTKN-manager 10.0.0.1:2377\n");
    }

    @Test
    void aWorkerCannotBePreparedWithoutASwarm() {
        swarm.state = SwarmState.NONE;

        assertThatThrownBy(() -> worker.prepare(HOST, InstanceSpec.of(Any.empty(), Map.of()), Allocation.ofSize(1), INDEX))
                .isInstanceOf(PluginException.class)
                .hasMessage("swarm/worker Flavor.Prepare: the engine at tcp://10.0.0.1:2375 manages no swarm, so there"
                        + " is no join token");
    }

    @Test
    void attachmentsForTheLogicalIdAndForEveryInstanceAreAppended() {
        Any properties = Any.parse("{\"Docker\": {\"Host\": \"tcp://h:2375\"}, \"Attachments\": {"
                + "\"10.0.0.1\": [{\"ID\": \"vol-1\", \"Type\": \"ebs\"}], \"*\": [{\"ID\": \"net\", \"Type\": \"nic\"}]}}");

        InstanceSpec prepared = manager.prepare(properties, pet("10.0.0.1"), Allocation.ofLogicalIds(THREE), INDEX);

        assertThat(prepared.attachments()).containsExactly(new Attachment("vol-1", "ebs"), new Attachment("net", "nic"));
        assertThat(worker.prepare(properties, InstanceSpec.of(Any.empty(), Map.of()), Allocation.ofSize(1), INDEX)
                .attachments()).containsExactly(new Attachment("net", "nic"));
    }

    @Test
    void managersArePetsInAnOddNumber() {
        assertThatThrownBy(() -> manager.validate(HOST, Allocation.ofSize(3)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("swarm/manager needs Allocation.LogicalIDs: swarm managers are pets, an odd number of them"
                        + " for quorum");
        assertThatThrownBy(() -> manager.validate(HOST, Allocation.ofLogicalIds(THREE.subList(0, 2))))
                .isInstanceOf(InvalidSpecException.class).hasMessage("must have odd number for quorum");
        manager.validate(HOST, Allocation.ofLogicalIds(THREE));
        worker.validate(HOST, Allocation.ofSize(2));
    }

    @Test
    void propertiesAreReadStrictly() {
        assertThatThrownBy(() -> worker.validate(Any.parse("{\"Docker\": {\"host\": \"x\"}}"), Allocation.ofSize(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("unknown swarm/worker flavor property \"Docker.host\" (did you mean \"Docker.Host\"?)");
        assertThatThrownBy(() -> worker.validate(Any.parse("{\"Docker\": {\"Host\": \"x\"}, \"Attachments\": "
                + "{\"10.9.9.9\": [{\"ID\": \"v\", \"Type\": \"ebs\"}]}}"), Allocation.ofLogicalIds(THREE)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("swarm/worker flavor property \"Attachments.10.9.9.9\" names no LogicalID of the allocation"
                        + " (nor \"*\")");
        assertThatThrownBy(() -> worker.validate(HOST, Allocation.ofLogicalIds(List.of(LogicalId.of("a"), LogicalId.of("a")))))
                .isInstanceOf(InvalidSpecException.class).hasMessage("LogicalID a specified more than once");
        assertThatThrownBy(() -> worker.validate(Any.parse("{\"InitScriptTemplateURL\": \"file:x\"}"), Allocation.ofSize(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("swarm/worker flavor property \"InitScriptTemplateURL\" is not supported");
    }

    @Test
    void healthIsTheLinkedNodesState() {
        assertThat(worker.healthy(HOST, instance(Map.of()))).as("no link").isEqualTo(Health.UNHEALTHY);
        assertThat(worker.healthy(HOST, linked("l1"))).as("not joined yet").isEqualTo(Health.UNKNOWN);

        swarm.add("n1", "l1", "worker", "ready", "");
        swarm.add("n2", "l2", "worker", "down", "");
        swarm.add("n3", "l3", "manager", "ready", "unreachable");
        swarm.add("n4", "l4", "manager", "ready", "reachable");

        assertThat(worker.healthy(HOST, linked("l1"))).isEqualTo(Health.HEALTHY);
        assertThat(worker.healthy(HOST, linked("l2"))).isEqualTo(Health.UNHEALTHY);
        assertThat(manager.healthy(HOST, linked("l3"))).isEqualTo(Health.UNHEALTHY);
        assertThat(manager.healthy(HOST, linked("l4"))).isEqualTo(Health.HEALTHY);
    }

    @Test
    void aWorkerIsDrainedThenRemovedAndAManagerDemoted() {
        swarm.add("n1", "l1", "worker", "ready", "");
        swarm.add("n2", "l2", "worker", "ready", "");
        swarm.add("m1", "m", "manager", "ready", "reachable");

        worker.drain(HOST, linked("l1"));
        manager.drain(HOST, linked("m"));
        worker.drain(HOST, linked("gone"));

        assertThat(swarm.changes).containsExactly("drain n1", "remove n1", "demote m1");
        assertThat(swarm.nodes()).extracting(SwarmNode::id).containsExactly("n2", "m1");
        assertThatThrownBy(() -> worker.drain(HOST, instance(Map.of())))
                .isInstanceOf(PluginException.class)
                .hasMessage("swarm/worker Flavor.Drain: Unable to drain i-1 without an association tag");
    }

    private static InstanceSpec pet(String logicalId) {
        return InstanceSpec.of(Any.empty(), Map.of()).withLogicalId(LogicalId.of(logicalId));
    }

    private static InstanceDescription linked(String link) {
        return instance(Map.of(Link.LABEL, link));
    }

    private static InstanceDescription instance(Map<String, String> tags) {
        return new InstanceDescription(InstanceId.of("i-1"), null, tags, null);
    }

    @Test
    void changeNoticesFollowTheNodeEventsOfTheEngineThePropertiesNameElseDockerHost() {
        List<InstancesChanged> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        SwarmFlavorPlugin withDefault = flavor(SwarmRole.WORKER, Optional.of("unix:///run/default.sock"));

        try (InstanceChangeNotices.Subscription named = worker.subscribe(HOST, told::add);
             InstanceChangeNotices.Subscription byDefault = withDefault.subscribe(Any.empty(), told::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.open().size() == 2);
            assertThat(streams.open()).extracting(stream -> stream.host)
                    .containsExactlyInAnyOrder("tcp://10.0.0.1:2375", "unix:///run/default.sock");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.open().isEmpty());
    }
}
