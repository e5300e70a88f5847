package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec's Region, Endpoint and Profile override the plugin's settings for its instances (docs/plugins-aws.md), on
 * real moto_servers: the instance is created where the spec says, and the plugin describes, labels and destroys it
 * there although describe is given only tags.
 */
class AwsSpecOverridesIT {

    static MotoEc2 moto;
    static MotoServer other;

    @TempDir
    Path files;

    @BeforeAll
    static void startMoto() {
        moto = MotoEc2.start();
        other = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
        other.close();
    }

    @BeforeEach
    void forgetEverything() {
        moto.server.reset();
        other.reset();
    }

    @Test
    void aRegionOverrideCreatesDescribesLabelsAndDestroysInThatRegion() {
        AwsInstancePlugin plugin = moto.plugin("overrides");
        Any properties = withOverrides("\"Region\": \"eu-west-1\"");
        plugin.validate(properties);

        InstanceId id = plugin.provision(InstanceSpec.of(properties, Map.of(Tags.GROUP, "web")));

        assertThat(running(moto.server.endpoint(), "eu-west-1")).extracting(Instance::instanceId)
                .containsExactly(id.value());
        assertThat(running(moto.server.endpoint(), MotoServer.REGION)).as("the plugin's own region").isEmpty();
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false)).extracting(InstanceDescription::id)
                .containsExactly(id);

        plugin.label(id, Map.of("owner", "ops"));
        assertThat(running(moto.server.endpoint(), "eu-west-1").get(0).tags())
                .anySatisfy(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("owner=ops"));

        plugin.destroy(id, DestroyReason.TERMINATE);
        assertThat(running(moto.server.endpoint(), "eu-west-1")).isEmpty();
    }

    @Test
    void anEndpointOverrideCreatesThereAndAPluginRestartedFindsItOnceTheSpecIsValidatedAgain() {
        Any properties = withOverrides("\"Endpoint\": \"" + other.endpoint() + "\"");
        AwsInstancePlugin first = moto.plugin("overrides");
        first.validate(properties);
        InstanceId id = first.provision(InstanceSpec.of(properties, Map.of(Tags.GROUP, "db")));

        assertThat(running(other.endpoint(), MotoServer.REGION)).extracting(Instance::instanceId)
                .containsExactly(id.value());
        assertThat(moto.server.ec2InstanceCount()).as("instances at the plugin's own endpoint").isZero();

        AwsInstancePlugin restarted = moto.plugin("overrides");
        assertThat(restarted.describeInstances(Map.of(Tags.GROUP, "db"), false))
                .as("before any spec names the endpoint, only the plugin's own is asked").isEmpty();
        restarted.validate(properties);
        assertThat(restarted.describeInstances(Map.of(Tags.GROUP, "db"), false)).extracting(InstanceDescription::id)
                .containsExactly(id);
        restarted.destroy(id, DestroyReason.TERMINATE);
        assertThat(running(other.endpoint(), MotoServer.REGION)).isEmpty();
    }

    @Test
    void aProfileOverrideTakesItsCredentialsAndRegionFromTheProfileFiles() throws IOException {
        Map<String, String> environment = new HashMap<>(moto.environment("overrides"));
        environment.put("AWS_SHARED_CREDENTIALS_FILE", Files.writeString(files.resolve("credentials"),
                "[staging]\naws_access_key_id = " + MotoServer.ACCESS_KEY + "\naws_secret_access_key = "
                        + MotoServer.SECRET_KEY + "\n").toString());
        environment.put("AWS_CONFIG_FILE", Files.writeString(files.resolve("config"),
                "[profile staging]\nregion = eu-west-2\n").toString());
        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");
        AwsSettings settings = AwsSettings.fromEnvironment(environment);
        AwsInstancePlugin plugin = AwsInstancePlugin.connectingOnFirstCall(AwsPluginProvider.NAME, settings);
        Any properties = withOverrides("\"Profile\": \"staging\"");
        plugin.validate(properties);

        InstanceId id = plugin.provision(InstanceSpec.of(properties, Map.of(Tags.GROUP, "web")));

        assertThat(running(moto.server.endpoint(), "eu-west-2")).extracting(Instance::instanceId)
                .containsExactly(id.value());
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false)).extracting(InstanceDescription::id)
                .containsExactly(id);
        plugin.close();
    }

    @Test
    void twoSpecsInTwoRegionsAreEachDescribedByTheirGroupsTags() {
        AwsInstancePlugin plugin = moto.plugin("overrides");
        Any home = Any.parse(moto.properties());
        Any away = withOverrides("\"Region\": \"ap-southeast-2\"");
        plugin.validate(home);
        plugin.validate(away);

        InstanceId here = plugin.provision(InstanceSpec.of(home, Map.of(Tags.GROUP, "home")));
        InstanceId there = plugin.provision(InstanceSpec.of(away, Map.of(Tags.GROUP, "away")));

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "home"), false)).extracting(InstanceDescription::id)
                .containsExactly(here);
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "away"), false)).extracting(InstanceDescription::id)
                .containsExactly(there);
        assertThat(running(moto.server.endpoint(), "ap-southeast-2")).extracting(Instance::instanceId)
                .containsExactly(there.value());
    }

    @Test
    void oneClientIsBuiltPerDistinctRegionEndpointAndProfile() {
        List<Ec2Target> built = new java.util.concurrent.CopyOnWriteArrayList<>();
        AwsSettings settings = moto.settings("overrides");
        AwsInstancePlugin plugin = new AwsInstancePlugin(AwsPluginProvider.NAME, target -> {
            built.add(target);
            return Ec2Clients.build(settings, target);
        }, settings);
        Any west = withOverrides("\"Region\": \"eu-west-1\"");
        Any westAgain = Any.parse(west.node().toString());
        Any elsewhere = withOverrides("\"Region\": \"eu-west-1\", \"Endpoint\": \"" + other.endpoint() + "\"");

        plugin.provision(InstanceSpec.of(west, Map.of(Tags.GROUP, "a")));
        plugin.provision(InstanceSpec.of(westAgain, Map.of(Tags.GROUP, "b")));
        plugin.provision(InstanceSpec.of(elsewhere, Map.of(Tags.GROUP, "c")));
        plugin.describeInstances(Map.of(Tags.GROUP, "a"), false);

        assertThat(built).hasSize(2).doesNotHaveDuplicates();
        assertThat(running(other.endpoint(), "eu-west-1")).hasSize(1);
        assertThat(running(moto.server.endpoint(), "eu-west-1")).hasSize(2);
        plugin.close();
    }

    /** The usual properties with these top-level fields added. */
    private static Any withOverrides(String fields) {
        String properties = moto.properties();
        return Any.parse("{" + fields + ", " + properties.substring(1));
    }

    private static List<Instance> running(URI endpoint, String region) {
        try (Ec2Client ec2 = Ec2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
                .build()) {
            return ec2.describeInstancesPaginator().reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .filter(instance -> instance.state().name() == InstanceStateName.RUNNING
                            || instance.state().name() == InstanceStateName.PENDING).toList();
        }
    }
}
