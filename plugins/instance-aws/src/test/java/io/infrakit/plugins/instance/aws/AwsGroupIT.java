package io.infrakit.plugins.instance.aws;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The manager in this JVM with the real group controller and the aws plugin on a real moto_server. EC2 has no
 * push: the controller sees a dead instance at its next poll (half a second here).
 */
class AwsGroupIT {

    static final String NAMESPACE = "group-it";
    static final GroupId WEB = GroupId.of("web");
    static final Duration WITHIN = Duration.ofSeconds(120);

    static MotoEc2 moto;
    Path root;
    Manager manager;

    @BeforeAll
    static void startMoto() {
        moto = MotoEc2.start();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void freshMotoAndHome() throws IOException {
        moto.server.reset();
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-aws");
    }

    @AfterEach
    void stopManager() throws IOException {
        if (manager != null) {
            manager.close();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aGroupOfTenConvergesAndAnInstanceTerminatedInEc2IsReplaced() {
        GroupPlugin groups = start();
        groups.commitGroup(web(10, "t3.micro"), false);
        await().atMost(WITHIN).until(() -> members().size() == 10);
        Instance dead = members().get(3);

        moto.direct.terminateInstances(terminate -> terminate.instanceIds(dead.instanceId()));

        await().atMost(WITHIN).until(() -> members().size() == 10
                && members().stream().noneMatch(instance -> instance.instanceId().equals(dead.instanceId())));
        assertThat(moto.runningInstances()).hasSize(10);
    }

    @Test
    void changingTheInstanceTypeRollsAllTenAndDestroyingTheGroupLeavesNoneRunning() {
        GroupPlugin groups = start();
        groups.commitGroup(web(10, "t3.micro"), false);
        await().atMost(WITHIN).until(() -> members().size() == 10);
        Set<String> before = ids(members());

        groups.commitGroup(web(10, "t3.small"), false);

        await().atMost(WITHIN).until(() -> {
            List<Instance> members = members();
            return members.size() == 10 && members.stream().allMatch(i -> i.instanceTypeAsString().equals("t3.small"));
        });
        assertThat(ids(members())).doesNotContainAnyElementsOf(before);
        await().atMost(WITHIN).until(() -> moto.runningInstances().size() == 10);

        groups.destroyGroup(WEB);

        await().atMost(WITHIN).until(() -> moto.runningInstances().isEmpty());
    }

    @Test
    void instancesInfraKitGoTaggedForTheSameSpecAreMembersAndCurrentWithoutARollout() {
        GroupSpec spec = web(5, "t3.micro");
        String hash = GroupPropertiesParser.parse(spec.properties()).configHash();
        moto.direct.runInstances(run -> run.imageId(moto.image).instanceType("t3.micro").minCount(5).maxCount(5)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                        tag(Tags.GROUP, WEB.value()), tag(Tags.CONFIG_HASH, hash),
                        tag(AwsSettings.NAMESPACE_TAG, NAMESPACE), tag("project", "infrakit")).build()));
        Set<String> goInstances = ids(moto.allInstances());
        GroupPlugin groups = start();
        Instant committed = Instant.now();

        groups.commitGroup(spec, false);

        RolloutControl rollouts = (RolloutControl) groups;
        await().atMost(WITHIN).until(() -> {
            GroupStatus status = rollouts.status(WEB);
            return status.converged() && status.observedAt() != null
                    && status.observedAt().isAfter(committed.plusSeconds(3));
        });
        GroupStatus status = rollouts.status(WEB);
        assertThat(status.targetHash()).isEqualTo(hash);
        assertThat(status.updated()).isEqualTo(5);
        assertThat(ids(moto.allInstances())).as("no instance created").isEqualTo(goInstances);
        assertThat(moto.runningInstances()).as("none terminated").hasSize(5);
        assertThat(groups.describeGroup(WEB).instances()).extracting(instance -> instance.id().value())
                .containsExactlyInAnyOrderElementsOf(goInstances);
        assertThat(rollouts.events(WEB, 0)).extracting(GroupEvent::type)
                .doesNotContain("Provisioned", "Destroyed", "RolloutStarted");
    }

    @Test
    void aGroupWhoseSpecOverridesTheRegionLivesThereIsHealedThereAndIsFoundAgainAfterARestart() {
        String region = "eu-west-1";
        GroupPlugin groups = start();
        GroupSpec spec = inRegion(3, region);
        groups.commitGroup(spec, false);
        await().atMost(WITHIN).until(() -> members(region).size() == 3);
        String dead = members(region).get(1).instanceId();

        try (Ec2Client ec2 = moto.in(region)) {
            ec2.terminateInstances(terminate -> terminate.instanceIds(dead));
        }

        await().atMost(WITHIN).until(() -> members(region).size() == 3
                && members(region).stream().noneMatch(instance -> instance.instanceId().equals(dead)));
        assertThat(moto.runningInstances()).as("instances in the plugin's own region").isEmpty();
        Set<String> beforeRestart = ids(members(region));

        manager.close();
        manager = null;
        GroupPlugin restarted = start();
        Instant started = Instant.now();
        RolloutControl rollouts = (RolloutControl) restarted;
        await().atMost(WITHIN).until(() -> {
            GroupStatus status = rollouts.status(WEB);
            return status.converged() && status.observedAt() != null
                    && status.observedAt().isAfter(started.plusSeconds(2));
        });
        assertThat(ids(members(region))).as("the same instances, none created or terminated")
                .isEqualTo(beforeRestart);
        assertThat(restarted.describeGroup(WEB).instances()).extracting(instance -> instance.id().value())
                .containsExactlyInAnyOrderElementsOf(beforeRestart);
    }

    private GroupPlugin start() {
        Map<String, String> environment = new HashMap<>(moto.environment(NAMESPACE));
        environment.put(ControllerSettings.POLL_INTERVAL, "500ms");
        manager = Manager.start(InfrakitHome.at(root), PluginRegistry.of(List.of(new AwsPluginProvider(),
                        new GroupControllerProvider(), provider("flavor", PluginObjects.flavor(new ScriptedFlavorPlugin())))),
                environment, Clock.systemUTC());
        return manager.groups().orElseThrow();
    }

    private static GroupSpec web(int size, String instanceType) {
        return Any.parse("{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": " + size
                + "}, \"Instance\": {\"Plugin\": \"aws/ec2-instance\", \"Properties\": " + moto.properties(instanceType)
                + "}, \"Flavor\": {\"Plugin\": \"flavor\"}}}").decode(GroupSpec.class);
    }

    private static GroupSpec inRegion(int size, String region) {
        return Any.parse("{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": " + size
                + "}, \"Instance\": {\"Plugin\": \"aws/ec2-instance\", \"Properties\": {\"Region\": \"" + region
                + "\", " + moto.properties().substring(1) + "}, \"Flavor\": {\"Plugin\": \"flavor\"}}}")
                .decode(GroupSpec.class);
    }

    /** The group's running or pending instances in this region, as EC2 has them. */
    private static List<Instance> members(String region) {
        return moto.runningInstances(region).stream()
                .filter(instance -> instance.tags().contains(tag(Tags.GROUP, WEB.value()))
                        && instance.tags().contains(tag(AwsSettings.NAMESPACE_TAG, NAMESPACE))).toList();
    }

    /** The group's running or pending instances, as EC2 has them. */
    private static List<Instance> members() {
        return moto.runningInstances().stream().filter(instance -> instance.tags().contains(tag(Tags.GROUP, WEB.value()))
                && instance.tags().contains(tag(AwsSettings.NAMESPACE_TAG, NAMESPACE))).toList();
    }

    private static Set<String> ids(List<Instance> instances) {
        return instances.stream().map(Instance::instanceId).collect(Collectors.toSet());
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
