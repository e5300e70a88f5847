package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSettingsTest {

    @Test
    void withNothingSetTheNamespaceIsDefaultAndTheSdkChoosesRegionAndEndpoint() {
        AwsSettings settings = AwsSettings.fromEnvironment(Map.of());

        assertThat(settings.namespace()).containsExactly(Map.entry("infrakit.namespace", "default"));
        assertThat(settings.region()).isEmpty();
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.pageSize()).isEqualTo(1000);
    }

    @Test
    void theNamespaceVariableNamesTheNamespace() {
        assertThat(AwsSettings.fromEnvironment(Map.of("INFRAKIT_AWS_NAMESPACE", "prod")).namespace())
                .containsExactly(Map.entry("infrakit.namespace", "prod"));
    }

    @Test
    void infraKitsNamespaceTagsReplaceIt() {
        AwsSettings settings = AwsSettings.fromEnvironment(Map.of("INFRAKIT_AWS_NAMESPACE", "ignored",
                "INFRAKIT_AWS_NAMESPACE_TAGS", "stack=web, owner=ops"));

        assertThat(settings.namespace()).isEqualTo(Map.of("stack", "web", "owner", "ops"));
    }

    @Test
    void ourVariablesComeBeforeTheSdksOwn() {
        AwsSettings settings = AwsSettings.fromEnvironment(Map.of("INFRAKIT_AWS_REGION", "eu-west-1",
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:2"));

        assertThat(settings.region()).contains("eu-west-1");
        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:2"));
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AwsSettings.fromEnvironment(Map.of("INFRAKIT_AWS_NAMESPACE_TAGS", "stack")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("INFRAKIT_AWS_NAMESPACE_TAGS");
        assertThatThrownBy(() -> AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "not a url")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("invalid EC2 endpoint");
        assertThatThrownBy(() -> AwsSettings.fromEnvironment(Map.of("INFRAKIT_AWS_PAGE_SIZE", "2")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("INFRAKIT_AWS_PAGE_SIZE");
    }
}
