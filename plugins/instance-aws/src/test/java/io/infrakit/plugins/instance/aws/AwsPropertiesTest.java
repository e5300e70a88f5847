package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AwsPropertiesTest {

    @Test
    void readsInfraKitsRunInstancesInput() {
        AwsProperties properties = AwsProperties.parse(Any.parse("""
                {"Tags": {"project": "web"},
                 "RunInstancesInput": {
                   "ImageId": "ami-1", "InstanceType": "t3.micro", "KeyName": "ops", "SubnetId": "subnet-1",
                   "SecurityGroupIds": ["sg-1", "sg-2"], "Placement": {"AvailabilityZone": "eu-west-1a"},
                   "IamInstanceProfile": {"Name": "web"}, "EbsOptimized": true, "Monitoring": {"Enabled": true},
                   "BlockDeviceMappings": [{"DeviceName": "/dev/sda1",
                                            "Ebs": {"VolumeSize": 20, "VolumeType": "gp3", "DeleteOnTermination": true}}],
                   "MinCount": 3, "MaxCount": 3}}"""));

        RunInstancesRequest request = properties.request();
        assertThat(properties.tags()).isEqualTo(Map.of("project", "web"));
        assertThat(request.imageId()).isEqualTo("ami-1");
        assertThat(request.instanceTypeAsString()).isEqualTo("t3.micro");
        assertThat(request.keyName()).isEqualTo("ops");
        assertThat(request.subnetId()).isEqualTo("subnet-1");
        assertThat(request.securityGroupIds()).containsExactly("sg-1", "sg-2");
        assertThat(request.placement().availabilityZone()).isEqualTo("eu-west-1a");
        assertThat(request.iamInstanceProfile().name()).isEqualTo("web");
        assertThat(request.ebsOptimized()).isTrue();
        assertThat(request.monitoring().enabled()).isTrue();
        assertThat(request.blockDeviceMappings()).singleElement().satisfies(mapping -> {
            assertThat(mapping.deviceName()).isEqualTo("/dev/sda1");
            assertThat(mapping.ebs().volumeSize()).isEqualTo(20);
            assertThat(mapping.ebs().volumeTypeAsString()).isEqualTo("gp3");
            assertThat(mapping.ebs().deleteOnTermination()).isTrue();
        });
        assertThat(request.minCount()).as("one instance per provision").isEqualTo(1);
        assertThat(request.maxCount()).isEqualTo(1);
    }

    @Test
    void readsTheSpecsOverridesOfRegionEndpointAndProfile() {
        AwsProperties properties = AwsProperties.parse(Any.parse("""
                {"Region": "us-gov-west-1", "Endpoint": "https://ec2.example.internal:8443", "Profile": "staging",
                 "RunInstancesInput": {"ImageId": "ami-1"}}"""));

        assertThat(properties.target()).isEqualTo(new Ec2Target(Optional.of("us-gov-west-1"),
                Optional.of(URI.create("https://ec2.example.internal:8443")), Optional.of("staging")));
    }

    @Test
    void withoutOverridesTheTargetIsThePlugins() {
        assertThat(AwsProperties.parse(Any.parse("{\"RunInstancesInput\": {\"ImageId\": \"ami-1\"}}")).target())
                .isEqualTo(Ec2Target.PLUGIN);
    }
}
