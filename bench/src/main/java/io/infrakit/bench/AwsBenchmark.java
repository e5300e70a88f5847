package io.infrakit.bench;

import io.infrakit.plugins.instance.aws.AwsInstancePlugin;
import io.infrakit.plugins.instance.aws.AwsPluginProvider;
import io.infrakit.plugins.instance.aws.AwsSettings;
import io.infrakit.plugins.instance.aws.Ec2Clients;
import io.infrakit.spi.Tags;
import io.infrakit.testkit.aws.MotoServer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The aws plugin's describe of one group of N instances on a real moto_server (which must be on the PATH), through
 * the plugin's own client at its default page size: wall time per describe (mostly moto's, a Python server on the
 * same cores), and this JVM's CPU time per describe (the SDK's request, XML parsing and our mapping).
 */
final class AwsBenchmark {

    private static final String NAMESPACE = "bench";
    private static final int BATCH = 50;

    private AwsBenchmark() {
    }

    static List<Result> describe(int size, int runs) {
        try (MotoServer moto = MotoServer.start()) {
            AwsSettings settings = AwsSettings.fromEnvironment(Map.of(
                    "AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
                    "AWS_REGION", MotoServer.REGION, "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "AWS_EC2_METADATA_DISABLED", "true", AwsSettings.NAMESPACE, NAMESPACE));
            try (Ec2Client ec2 = Ec2Clients.build(settings);
                 AwsInstancePlugin plugin = new AwsInstancePlugin(AwsPluginProvider.NAME, Ec2Clients.build(settings),
                         settings)) {
                String image = ec2.describeImages().images().get(0).imageId();
                for (int created = 0; created < size; created += BATCH) {
                    int count = Math.min(BATCH, size - created);
                    ec2.runInstances(run -> run.imageId(image).instanceType("t3.micro").minCount(count).maxCount(count)
                            .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                                    tag(Tags.GROUP, "bench"), tag(AwsSettings.NAMESPACE_TAG, NAMESPACE)).build()));
                }
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                List<Duration> wall = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    int found = plugin.describeInstances(Map.of(Tags.GROUP, "bench"), false).size();
                    long elapsed = System.nanoTime() - start;
                    long cpuUsed = threads.getCurrentThreadCpuTime() - cpuStart;
                    if (found != size) {
                        throw new IllegalStateException("described " + found + " of " + size + " instances");
                    }
                    if (run > 0) { // the first describe warms the JVM up
                        wall.add(Duration.ofNanos(elapsed));
                        cpu.add(cpuUsed / 1e6);
                    }
                }
                return List.of(
                        Result.timed("aws describe of " + size + " instances on moto, wall (moto included)", wall, 1,
                                "-"),
                        Result.measured("aws describe of " + size + " instances on moto, this JVM's CPU", cpu,
                                "ms CPU", "-"));
            }
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
