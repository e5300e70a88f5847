package io.infrakit.plugins.instance.docker;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginLookup;
import io.infrakit.spi.plugin.PluginProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerPropertiesTest {

    @Test
    void readsEveryProperty() {
        DockerProperties properties = DockerProperties.parse(Any.parse("{\"Image\": \"ikbox:v1\","
                + " \"Cmd\": [\"httpd\", \"-f\"], \"Env\": {\"MODE\": \"web\"}, \"Ports\": [\"127.0.0.1:8080:80\","
                + " \"8443:443\"], \"Binds\": [\"/srv/www:/www:ro\"], \"RestartPolicy\": \"on-failure:3\","
                + " \"Init\": true, \"StopTimeout\": \"3s\"}"));

        assertThat(properties).isEqualTo(new DockerProperties("ikbox:v1", List.of("httpd", "-f"),
                Map.of("MODE", "web"), List.of(new DockerProperties.PortBinding("127.0.0.1", 8080, 80),
                new DockerProperties.PortBinding("", 8443, 443)), List.of("/srv/www:/www:ro"), "on-failure:3",
                true, Duration.ofSeconds(3)));
    }

    @Test
    void defaultsAreNoCommandNoRestartNoInitAndTenSecondsToStop() {
        assertThat(DockerProperties.parse(Any.parse("{\"Image\": \"busybox\"}")))
                .isEqualTo(new DockerProperties("busybox", List.of(), Map.of(), List.of(), List.of(), "no", false,
                        Duration.ofSeconds(10)));
    }

    @Test
    void rejectsWhatDockerWouldNotTake() {
        assertThatThrownBy(() -> DockerProperties.parse(Any.parse("{\"Image\": \"ikbox:v1\", \"Ports\": [\"0:80\"]}")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("\"Ports\" must be");
        assertThatThrownBy(() -> DockerProperties.parse(
                Any.parse("{\"Image\": \"ikbox:v1\", \"StopTimeout\": \"1h\"}")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("\"StopTimeout\" must be a duration");
        assertThatThrownBy(() -> DockerProperties.parse(Any.parse("{\"Image\": \"ikbox:v1\", \"Env\": [\"A=1\"]}")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("\"Env\" must be an object");
        assertThatThrownBy(() -> DockerProperties.parse(Any.parse("{\"Image\": \"-rm\"}")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("\"Image\" must be an image reference");
    }

    @Test
    void theInitScriptRunsUnderShBeforeTheCommandItThenBecomes() {
        assertThat(DockerInstancePlugin.command(List.of("sleep", "9"), "")).containsExactly("sleep", "9");
        assertThat(DockerInstancePlugin.command(List.of(), "echo hi")).containsExactly("sh", "-c", "echo hi");
        assertThat(DockerInstancePlugin.command(List.of("sleep", "9"), "echo hi"))
                .containsExactly("sh", "-c", "echo hi\nexec \"$@\"", "sh", "sleep", "9");
    }

    @Test
    void theProviderIsFoundByNameAndTakesItsHostFromOptionsThenDockerHost() {
        PluginProvider provider = ServiceLoader.load(PluginProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.name().equals("docker")).findFirst().orElseThrow();
        assertThat(provider).isInstanceOf(DockerPluginProvider.class);

        assertThat(DockerPluginProvider.host(context(Map.of(), Any.empty()))).isEqualTo("unix:///var/run/docker.sock");
        assertThat(DockerPluginProvider.host(context(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), Any.empty())))
                .isEqualTo("tcp://127.0.0.1:2375");
        assertThat(DockerPluginProvider.host(context(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"),
                Any.parse("{\"Host\": \"unix:///run/other.sock\"}")))).isEqualTo("unix:///run/other.sock");
        assertThatThrownBy(() -> DockerPluginProvider.host(context(Map.of(), Any.parse("{\"Hostt\": \"x\"}"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("unknown docker plugin option \"Hostt\" (did you mean \"Host\"?)");
    }

    private static PluginContext context(Map<String, String> environment, Any options) {
        return new PluginContext(Path.of("home"), Clock.systemUTC(), environment, options, PluginLookup.none());
    }
}
