package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;

/** EC2's error codes that moto does not produce, mapped as those it does. */
class Ec2ErrorsTest {

    @Test
    void anInstanceQuotaIsAPluginFailureSayingSo() {
        InfrakitException error = Ec2Errors.of("aws", "provision", ec2Error("InstanceLimitExceeded",
                "You have requested more instances (21) than your current instance limit of 20 allows."));

        assertThat(error).isInstanceOf(PluginException.class);
        assertThat(((PluginException) error).describe()).isEqualTo("plugin 'aws' provision: AWS capacity or quota "
                + "reached (InstanceLimitExceeded: You have requested more instances (21) than your current instance "
                + "limit of 20 allows.)");
    }

    @Test
    void anUnauthorizedOperationIsAnAuthFailure() {
        InfrakitException error = Ec2Errors.of("aws", "destroy", ec2Error("UnauthorizedOperation",
                "You are not authorized to perform this operation.\nEncoded authorization failure message: abc"));

        assertThat(((PluginException) error).describe()).isEqualTo("plugin 'aws' destroy: not authorized by AWS "
                + "(UnauthorizedOperation: You are not authorized to perform this operation. Encoded authorization "
                + "failure message: abc); check the credentials and their IAM policy");
    }

    @Test
    void anInvalidParameterValueIsAnInvalidSpec() {
        InfrakitException error = Ec2Errors.of("aws", "provision", ec2Error("InvalidParameterValue",
                "Invalid value 't9.colossal' for InstanceType."));

        assertThat(error).isInstanceOf(InvalidSpecException.class).hasMessage("plugin 'aws' provision: EC2 refused "
                + "the spec: InvalidParameterValue: Invalid value 't9.colossal' for InstanceType.");
    }

    private static AwsServiceException ec2Error(String code, String message) {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
