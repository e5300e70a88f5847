package io.infrakit.plugins.instance.aws;

import com.sun.net.httpserver.HttpServer;
import io.infrakit.spi.PluginException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK's standard retry mode, as the plugin builds its client: EC2's throttling (RequestLimitExceeded) is
 * retried, up to three attempts in all. The endpoint is a loopback server that answers as EC2 does.
 */
class Ec2ThrottlingTest {

    static final String THROTTLED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
            + "<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>"
            + "<RequestID>r-1</RequestID></Response>";
    static final String NO_INSTANCES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<requestId>r-2</requestId><reservationSet/></DescribeInstancesResponse>";

    HttpServer ec2;
    final AtomicInteger requests = new AtomicInteger();
    volatile int throttledRequests;

    @BeforeEach
    void startFakeEc2() throws IOException {
        ec2 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ec2.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean throttle = requests.incrementAndGet() <= throttledRequests;
            byte[] body = (throttle ? THROTTLED : NO_INSTANCES).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(throttle ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ec2.start();
    }

    @AfterEach
    void stopFakeEc2() {
        ec2.stop(0);
    }

    @Test
    void throttlingIsRetriedUntilEc2Answers() {
        throttledRequests = 2;

        assertThat(plugin().describeInstances(Map.of("infrakit.group", "web"), false)).isEmpty();
        assertThat(requests).hasValue(3);
    }

    @Test
    void throttlingThatLastsIsReportedAfterThreeAttempts() {
        throttledRequests = Integer.MAX_VALUE;

        PluginException error = catchThrowableOfType(PluginException.class,
                () -> plugin().describeInstances(Map.of(), false));

        assertThat(error.describe()).isEqualTo("plugin 'aws' describe: RequestLimitExceeded: Request limit exceeded.");
        assertThat(requests).hasValue(3);
    }

    private AwsInstancePlugin plugin() {
        Map<String, String> environment = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + ec2.getAddress().getPort()));
        AwsSettings settings = AwsSettings.fromEnvironment(environment);
        return new AwsInstancePlugin(AwsPluginProvider.NAME, Ec2Clients.build(settings), settings);
    }
}
