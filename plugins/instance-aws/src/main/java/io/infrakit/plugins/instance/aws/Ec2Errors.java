package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * EC2's errors as one line naming the plugin and the operation: what the spec asks that EC2 refuses (an unknown
 * AMI, instance type, subnet, ...) is an {@link InvalidSpecException}; the rest (credentials, permissions, quotas,
 * an unreachable endpoint) is a {@link PluginException}.
 */
final class Ec2Errors {

    static final List<String> INVALID_SPEC_CODES = List.of("InvalidAMIID", "InvalidParameterValue",
            "InvalidParameterCombination", "InvalidParameter", "InvalidInstanceType", "InvalidSubnetID",
            "InvalidGroup", "InvalidKeyPair", "InvalidBlockDeviceMapping", "InvalidIPAddress", "MissingParameter",
            "Unsupported", "InvalidAvailabilityZone", "InvalidParameterValue");
    static final List<String> AUTH_CODES = List.of("AuthFailure", "UnauthorizedOperation", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "OptInRequired", "Blocked", "ExpiredToken");
    static final List<String> QUOTA_CODES = List.of("InstanceLimitExceeded", "VcpuLimitExceeded",
            "InsufficientInstanceCapacity", "MaxSpotInstanceCountExceeded");

    private Ec2Errors() {
    }

    static InfrakitException of(String plugin, String operation, SdkException error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            int status = service.statusCode();
            String code = Optional.ofNullable(service.awsErrorDetails().errorCode()).orElse("HTTP " + status);
            String message = oneLine(Optional.ofNullable(service.awsErrorDetails().errorMessage()).orElse(""));
            String text = message.isEmpty() ? code : code + ": " + message;
            if (startsWithAny(code, INVALID_SPEC_CODES)) {
                return new InvalidSpecException("plugin '" + plugin + "' " + operation + ": EC2 refused the spec: "
                        + text, error);
            }
            if (startsWithAny(code, AUTH_CODES) || status == 401 || status == 403) {
                return new PluginException(plugin, operation, "not authorized by AWS (" + text
                        + "); check the credentials and their IAM policy", error);
            }
            if (startsWithAny(code, QUOTA_CODES)) {
                return new PluginException(plugin, operation, "AWS capacity or quota reached (" + text + ")", error);
            }
            return new PluginException(plugin, operation, text, error);
        }
        if (error instanceof SdkClientException) {
            String message = oneLine(String.valueOf(error.getMessage()));
            if (message.contains("Unable to load credentials")) {
                return new PluginException(plugin, operation, "no AWS credentials: set AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY, or a profile (AWS_PROFILE) in AWS_SHARED_CREDENTIALS_FILE or "
                        + "AWS_CONFIG_FILE", error);
            }
            Optional<Throwable> network = network(error);
            if (network.isPresent()) {
                return new PluginException(plugin, operation, "EC2 endpoint unreachable: "
                        + oneLine(network.get().getClass().getSimpleName() + ": " + network.get().getMessage()),
                        error);
            }
            return new PluginException(plugin, operation, message, error);
        }
        return new PluginException(plugin, operation, oneLine(String.valueOf(error.getMessage())), error);
    }

    private static Optional<Throwable> network(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithAny(String code, List<String> prefixes) {
        return prefixes.stream().anyMatch(code::startsWith);
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
