package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.LoopbackPorts;
import io.infrakit.testkit.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What EC2 or its client refuses, on a real moto_server: each is one line naming the plugin and the operation, of
 * the type the CLI turns into its exit code (docs/cli.md: InvalidSpecException 3, any other plugin failure 1), and
 * moto holds no instance afterwards.
 */
class AwsHostileIT {

    static MotoEc2 moto;

    @TempDir
    Path emptyFiles;

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
    void anUnknownAmiIsAnInvalidSpec() {
        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class, () ->
                moto.plugin("hostile").provision(spec("{\"RunInstancesInput\": {\"ImageId\": \"ami-0000000000deadbee\","
                        + " \"InstanceType\": \"t3.micro\"}}")));

        assertThat(error.getMessage()).startsWith("plugin 'aws' provision: EC2 refused the spec: InvalidAMIID.")
                .contains("ami-0000000000deadbee").doesNotContain("\n");
        assertNothingLeaked(moto.server);
    }

    @Test
    void anUnknownInstanceTypeIsAnInvalidSpec() {
        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class, () ->
                moto.plugin("hostile").provision(spec(moto.properties("t9.colossal"))));

        assertThat(error.getMessage()).startsWith("plugin 'aws' provision: EC2 refused the spec: InvalidInstanceType")
                .contains("t9.colossal").doesNotContain("\n");
        assertNothingLeaked(moto.server);
    }

    @Test
    void missingCredentialsSayWhereTheyAreLookedFor() throws IOException {
        Map<String, String> environment = new HashMap<>(moto.environment("hostile"));
        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", Files.createFile(emptyFiles.resolve("credentials")).toString());
        environment.put("AWS_CONFIG_FILE", Files.createFile(emptyFiles.resolve("config")).toString());

        PluginException error = catchThrowableOfType(PluginException.class, () ->
                plugin(environment).provision(spec(moto.properties())));

        assertThat(error.describe()).isEqualTo("plugin 'aws' provision: no AWS credentials: set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, or a profile (AWS_PROFILE) in AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE");
        assertNothingLeaked(moto.server);
    }

    @Test
    void credentialsEc2RefusesAreAnAuthFailure() {
        try (MotoServer strict = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "0"))) {
            Map<String, String> environment = new HashMap<>(moto.environment("hostile"));
            environment.put("AWS_ENDPOINT_URL", strict.endpoint().toString());

            PluginException error = catchThrowableOfType(PluginException.class, () ->
                    plugin(environment).provision(spec(moto.properties())));

            // EC2 says AuthFailure; moto's refusal carries no code the SDK reads, only its HTTP status
            assertThat(error.describe()).startsWith("plugin 'aws' provision: not authorized by AWS (")
                    .endsWith("; check the credentials and their IAM policy")
                    .doesNotContain("\n");
            assertNothingLeaked(strict);
        }
    }

    @Test
    void anUnreachableEndpointSaysSo() {
        Map<String, String> environment = new HashMap<>(moto.environment("hostile"));
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + LoopbackPorts.free());

        PluginException error = catchThrowableOfType(PluginException.class, () ->
                plugin(environment).describeInstances(Map.of(Tags.GROUP, "web"), false));

        assertThat(error.describe()).startsWith("plugin 'aws' describe: EC2 endpoint unreachable: ConnectException")
                .doesNotContain("\n");
        assertNothingLeaked(moto.server);
    }

    private static AwsInstancePlugin plugin(Map<String, String> environment) {
        AwsSettings settings = AwsSettings.fromEnvironment(environment);
        return new AwsInstancePlugin(AwsPluginProvider.NAME, Ec2Clients.build(settings), settings);
    }

    private static InstanceSpec spec(String properties) {
        return InstanceSpec.of(Any.parse(properties), Map.of(Tags.GROUP, "web"));
    }

    private static void assertNothingLeaked(MotoServer server) {
        assertThat(server.ec2InstanceCount()).as("instances moto holds").isZero();
    }
}
