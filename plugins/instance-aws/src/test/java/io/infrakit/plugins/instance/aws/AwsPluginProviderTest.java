package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.PluginException;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AwsPluginProviderTest {

    @TempDir
    Path home;

    @Test
    void isFoundAsAPluginNamedAws() {
        assertThat(ServiceLoader.load(PluginProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(PluginProvider::name)).contains("aws");
    }

    @Test
    void servesOnePluginAsAwsAndAsInfraKitsEc2Instance() {
        PluginObjects objects = new AwsPluginProvider().create(PluginContext.of(home, Clock.systemUTC(),
                Map.of("AWS_REGION", "eu-west-1")));

        assertThat(objects.instances()).containsOnlyKeys(PluginObjects.DEFAULT_TYPE, "ec2-instance");
        assertThat(objects.instances().get("ec2-instance")).isSameAs(objects.instances().get(PluginObjects.DEFAULT_TYPE));
    }

    @Test
    void withoutARegionThePluginStartsAndItsFirstCallSaysWhatIsMissing() {
        Map<String, String> environment = Map.of("AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", home.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        PluginObjects objects = new AwsPluginProvider().create(PluginContext.of(home, Clock.systemUTC(), environment));

        PluginException error = catchThrowableOfType(PluginException.class,
                () -> objects.instances().get("ec2-instance").describeInstances(Map.of(), false));

        assertThat(error.describe()).isEqualTo("plugin 'aws' describe: no AWS region: set INFRAKIT_AWS_REGION or "
                + "AWS_REGION, or region in the profile 'default'");
    }
}
