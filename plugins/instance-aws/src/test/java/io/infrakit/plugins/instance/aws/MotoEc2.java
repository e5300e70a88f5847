package io.infrakit.plugins.instance.aws;

import io.infrakit.testkit.aws.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

import java.util.List;
import java.util.Map;

/** The aws plugin's view of a moto_server, and a plain EC2 client on it to act as someone else would. */
final class MotoEc2 implements AutoCloseable {

    final MotoServer server;
    final Ec2Client direct;
    final String image;

    MotoEc2(MotoServer server) {
        this.server = server;
        this.direct = Ec2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(server.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
                .build();
        this.image = direct.describeImages().images().get(0).imageId();
    }

    static MotoEc2 start() {
        return new MotoEc2(MotoServer.start());
    }

    /** The plugin's environment as a user would set it for this moto and namespace. */
    Map<String, String> environment(String namespace) {
        return Map.of("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
                "AWS_REGION", MotoServer.REGION, "AWS_ENDPOINT_URL", server.endpoint().toString(),
                "AWS_EC2_METADATA_DISABLED", "true", AwsSettings.NAMESPACE, namespace,
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", "AWS_CONFIG_FILE", "/nonexistent/config");
    }

    AwsSettings settings(String namespace) {
        return AwsSettings.fromEnvironment(environment(namespace));
    }

    AwsInstancePlugin plugin(String namespace) {
        AwsSettings settings = settings(namespace);
        return new AwsInstancePlugin(AwsPluginProvider.NAME, Ec2Clients.build(settings), settings);
    }

    /** Every instance moto holds, in any state and namespace. */
    List<Instance> allInstances() {
        return direct.describeInstancesPaginator().reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
    }

    /** The instances moto holds that are pending or running, in any namespace. */
    List<Instance> runningInstances() {
        return allInstances().stream().filter(instance -> instance.state().name() == InstanceStateName.RUNNING
                || instance.state().name() == InstanceStateName.PENDING).toList();
    }

    /** A plain EC2 client on this moto in another region; the caller closes it. */
    Ec2Client in(String region) {
        return Ec2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(server.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
                .build();
    }

    /** The instances moto holds in this region that are pending or running, in any namespace. */
    List<Instance> runningInstances(String region) {
        try (Ec2Client ec2 = in(region)) {
            return ec2.describeInstancesPaginator().reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .filter(instance -> instance.state().name() == InstanceStateName.RUNNING
                            || instance.state().name() == InstanceStateName.PENDING).toList();
        }
    }

    String properties() {
        return properties("t3.micro");
    }

    String properties(String instanceType) {
        return "{\"Tags\": {\"project\": \"infrakit\"}, \"RunInstancesInput\": {\"ImageId\": \"" + image
                + "\", \"InstanceType\": \"" + instanceType + "\"}}";
    }

    @Override
    public void close() {
        direct.close();
        server.close();
    }
}
