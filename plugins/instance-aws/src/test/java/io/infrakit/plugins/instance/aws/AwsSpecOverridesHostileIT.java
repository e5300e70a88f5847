package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad Region, Endpoint and Profile overrides in a spec (docs/plugins-aws.md) are refused by validate and by
 * provision as invalid specs (exit code 3, docs/cli.md), in one line naming the property, and moto holds no
 * instance afterwards in any region asked.
 */
class AwsSpecOverridesHostileIT {

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"Region\": \"EU West\"       | aws instance property Region must be an AWS region such as eu-west-1, got \"EU West\"",
            "\"Region\": 5                 | aws instance property Region must be a non-empty string, got 5",
            "\"Endpoint\": \"ftp://ec2.example\" | aws instance property Endpoint must be an http(s) URL such as https://ec2.eu-west-1.amazonaws.com, got \"ftp://ec2.example\"",
            "\"Endpoint\": \"not a url\"   | aws instance property Endpoint must be an http(s) URL such as https://ec2.eu-west-1.amazonaws.com, got \"not a url\"",
            "\"Profile\": \"nosuch\"       | aws instance property Profile names no profile \"nosuch\" in AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE",
            "\"Regoin\": \"eu-west-1\"     | unknown aws instance property \"Regoin\" (did you mean \"Region\"?)"})
    void aBadOverrideIsOneLineInvalidSpecAndCreatesNothing(String override, String message) {
        AwsInstancePlugin plugin = moto.plugin("hostile");
        Any properties = Any.parse("{" + override + ", " + moto.properties().substring(1));

        InvalidSpecException refused = catchThrowableOfType(InvalidSpecException.class,
                () -> plugin.validate(properties));
        InvalidSpecException notProvisioned = catchThrowableOfType(InvalidSpecException.class,
                () -> plugin.provision(InstanceSpec.of(properties, Map.of(Tags.GROUP, "web"))));

        assertThat(refused).hasMessage(message);
        assertThat(notProvisioned).hasMessage(message);
        assertThat(moto.server.ec2InstanceCount()).as("instances moto holds, in every region").isZero();
        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false)).isEmpty();
        assertThat(moto.allInstances()).as("instances in " + MotoServer.REGION).isEmpty();
    }
}
