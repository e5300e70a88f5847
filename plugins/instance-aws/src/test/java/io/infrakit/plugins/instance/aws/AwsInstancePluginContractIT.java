package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.testkit.InstancePluginContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.util.List;

/** The instance contract against a real moto_server; each test in its own namespace, so it starts with none. */
class AwsInstancePluginContractIT extends InstancePluginContractTest {

    static MotoEc2 moto;
    AwsInstancePlugin plugin;

    @BeforeAll
    static void startMoto() {
        moto = MotoEc2.start();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void pluginInItsOwnNamespace(TestInfo test) {
        plugin = moto.plugin("contract-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closePlugin() {
        plugin.close();
    }

    @Override
    protected InstancePlugin plugin() {
        return plugin;
    }

    @Override
    protected Any validProperties() {
        return Any.parse(moto.properties());
    }

    @Override
    protected InstanceId unknownInstanceId() {
        return InstanceId.of("i-0123456789abcdef0");
    }

    @Override
    protected List<InvalidProperties> invalidProperties() {
        return List.of(
                InvalidProperties.of("[1, 2]", "aws instance properties must be a JSON object"),
                InvalidProperties.of("{\"Tags\": {}}", "RunInstancesInput is required"),
                InvalidProperties.of("{\"RunInstancesInput\": {}}", "RunInstancesInput.ImageId is required"),
                InvalidProperties.of("{\"RunInstancesInput\": {\"ImageId\": \"ami-1\", \"InstanceTyp\": \"t3.micro\"}}",
                        "unknown aws instance property \"InstanceTyp\" in RunInstancesInput (did you mean \"InstanceType\"?)"),
                InvalidProperties.of("{\"RunInstancesInput\": {\"ImageId\": \"ami-1\", \"Placement\": {\"Zone\": \"a\"}}}",
                        "in RunInstancesInput.Placement"),
                InvalidProperties.of("{\"Tags\": {\"a\": 1}, \"RunInstancesInput\": {\"ImageId\": \"ami-1\"}}",
                        "Tags.a must be a string"),
                InvalidProperties.of("{\"AttachVolumeInputs\": [], \"RunInstancesInput\": {\"ImageId\": \"ami-1\"}}",
                        "unknown aws instance property \"AttachVolumeInputs\""));
    }
}
