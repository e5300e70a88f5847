package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the aws plugin does on a real moto_server, beyond the contract: InfraKit's call sequence and filters. */
class AwsInstancePluginIT {

    static MotoEc2 moto;

    @BeforeAll
    static void startMoto() {
        moto = MotoEc2.start();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void forgetEverything() {
        moto.server.reset();
    }

    @Test
    void provisionIsOneRunInstancesCarryingEveryTagAndNoCreateTags() {
        RecordedCalls calls = new RecordedCalls();
        AwsInstancePlugin plugin = calls.plugin(moto, moto.settings("web-stack"));

        InstanceId id = plugin.provision(new InstanceSpec(Any.parse(moto.properties()),
                Map.of(Tags.GROUP, "web", "project", "from-spec"), "#!/bin/sh\necho hello\n", null, List.of()));

        assertThat(calls.operations()).containsExactly("RunInstances");
        Instance created = moto.allInstances().get(0);
        assertThat(created.instanceId()).isEqualTo(id.value());
        assertThat(tagsOf(created)).isEqualTo(Map.of(Tags.GROUP, "web", "project", "from-spec",
                AwsSettings.NAMESPACE_TAG, "web-stack"));
        String userData = moto.direct.describeInstanceAttribute(attribute -> attribute.instanceId(id.value())
                .attribute(InstanceAttributeName.USER_DATA)).userData().value();
        assertThat(new String(Base64.getDecoder().decode(userData), StandardCharsets.UTF_8))
                .isEqualTo("#!/bin/sh\necho hello\n");
    }

    @Test
    void theLogicalIdIsThePrivateIp() {
        AwsInstancePlugin plugin = moto.plugin("pets");

        plugin.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "pets"))
                .withLogicalId(LogicalId.of("10.0.0.21")));

        assertThat(moto.allInstances()).singleElement()
                .satisfies(instance -> assertThat(instance.privateIpAddress()).isEqualTo("10.0.0.21"));
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "pets"), false)).singleElement()
                .satisfies(instance -> assertThat(instance.logicalIdIfAny()).contains(LogicalId.of("10.0.0.21")));
    }

    @Test
    void twoNamespacesInOneAccountNeverSeeEachOthersInstances() {
        AwsInstancePlugin blue = moto.plugin("blue");
        AwsInstancePlugin green = moto.plugin("green");
        InstanceId blueOne = blue.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));
        InstanceId greenOne = green.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));

        assertThat(blue.describeInstances(Map.of(Tags.GROUP, "web"), false)).extracting(InstanceDescription::id)
                .containsExactly(blueOne);
        assertThat(green.describeInstances(Map.of(), false)).extracting(InstanceDescription::id)
                .containsExactly(greenOne);
        assertThatThrownBy(() -> blue.destroy(greenOne, DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> blue.label(greenOne, Map.of("owner", "blue")))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThat(moto.runningInstances()).hasSize(2);
    }

    @Test
    void describeWithPropertiesShowsTheEc2RecordWithEc2sNames() {
        AwsInstancePlugin plugin = moto.plugin("props");
        InstanceId id = plugin.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));

        assertThat(plugin.describeInstances(Map.of(), true)).singleElement().satisfies(instance -> {
            assertThat(instance.properties().node().path("InstanceId").asText()).isEqualTo(id.value());
            assertThat(instance.properties().node().path("InstanceType").asText()).isEqualTo("t3.micro");
            assertThat(instance.properties().node().path("State").path("Name").asText()).isIn("pending", "running");
        });
    }

    @Test
    void aStoppedInstanceIsNotDescribedButCanStillBeDestroyed() {
        AwsInstancePlugin plugin = moto.plugin("stops");
        InstanceId stopped = plugin.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));
        InstanceId running = plugin.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));

        moto.direct.stopInstances(stop -> stop.instanceIds(stopped.value()));

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false)).extracting(InstanceDescription::id)
                .containsExactly(running);
        plugin.destroy(stopped, DestroyReason.TERMINATE);
        assertThat(moto.allInstances()).filteredOn(instance -> instance.instanceId().equals(stopped.value()))
                .singleElement().satisfies(instance -> assertThat(instance.state().nameAsString()).isEqualTo("terminated"));
    }

    @Test
    void anInstanceTerminatedOutsideInfraKitIsNoLongerDescribed() {
        AwsInstancePlugin plugin = moto.plugin("dies");
        InstanceId doomed = plugin.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));

        moto.direct.terminateInstances(terminate -> terminate.instanceIds(doomed.value()));

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false)).isEmpty();
        assertThatThrownBy(() -> plugin.destroy(doomed, DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void labelNeverTouchesTheNamespaceOrAwsTags() {
        AwsInstancePlugin plugin = moto.plugin("labels");
        InstanceId id = plugin.provision(InstanceSpec.of(Any.parse(moto.properties()), Map.of(Tags.GROUP, "web")));

        plugin.label(id, Map.of(AwsSettings.NAMESPACE_TAG, "elsewhere", "aws:reserved", "x", "owner", "ops"));

        assertThat(tagsOf(moto.allInstances().get(0))).containsEntry(AwsSettings.NAMESPACE_TAG, "labels")
                .containsEntry("owner", "ops").doesNotContainKey("aws:reserved");
    }

    @Test
    void moreThanAThousandInstancesAreDescribedAcrossPages() {
        int batches = 101;
        int perBatch = 10;
        IntStream.range(0, batches).forEach(batch -> moto.direct.runInstances(run -> run.imageId(moto.image)
                .instanceType("t3.micro").minCount(perBatch).maxCount(perBatch)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                        tag(Tags.GROUP, "big"), tag(AwsSettings.NAMESPACE_TAG, "paged"),
                        tag("batch", String.valueOf(batch))).build())));
        moto.direct.runInstances(run -> run.imageId(moto.image).minCount(5).maxCount(5)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                        tag(Tags.GROUP, "big"), tag(AwsSettings.NAMESPACE_TAG, "another-stack")).build()));
        RecordedCalls calls = new RecordedCalls();
        // moto counts a page in reservations (of 10 here), EC2 in instances: 25 a page is 5 pages either way here
        AwsInstancePlugin plugin = calls.plugin(moto, moto.settings("paged").withPageSize(25));

        List<InstanceDescription> described = plugin.describeInstances(Map.of(Tags.GROUP, "big"), false);

        assertThat(described).hasSize(batches * perBatch);
        assertThat(described).extracting(InstanceDescription::id).doesNotHaveDuplicates();
        assertThat(calls.operations()).hasSize(5).containsOnly("DescribeInstances");
        assertThat(moto.plugin("paged").describeInstances(Map.of(Tags.GROUP, "big"), false))
                .as("with the default page size").hasSize(batches * perBatch);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Map<String, String> tagsOf(Instance instance) {
        return instance.tags().stream().collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value));
    }
}
