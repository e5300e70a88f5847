package io.infrakit.cli;

import io.infrakit.manager.ManagerUnreachableException;
import io.infrakit.engine.manager.ManagerAlreadyRunningException;
import io.infrakit.rpc.PluginUnavailableException;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginNotFoundException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodeTest {

    @Test
    void everyKindOfErrorHasItsDocumentedCode() {
        assertThat(ExitCode.of(new InvalidSpecException("x"))).isEqualTo(3);
        assertThat(ExitCode.of(new PluginNotFoundException("x", List.of()))).isEqualTo(4);
        assertThat(ExitCode.of(new IncompatiblePluginException("x"))).isEqualTo(4);
        assertThat(ExitCode.of(new ManagerAlreadyRunningException("/h", 1))).isEqualTo(7);
        assertThat(ExitCode.of(new PluginUnavailableException("p", Path.of("/s"), "gone"))).isEqualTo(7);
        assertThat(ExitCode.of(new ManagerUnreachableException("x"))).isEqualTo(7);
        assertThat(ExitCode.of(new PluginException("p", "Instance.Provision", "boom"))).isEqualTo(1);
        assertThat(ExitCode.of(new IllegalStateException())).isEqualTo(1);
    }

    @Test
    void pluginErrorsNameThePluginAndOperation() {
        assertThat(Commands.oneLine(new PluginException("simulator", "Instance.Provision", "capacity reached\nmore")))
                .isEqualTo("plugin 'simulator' Instance.Provision: capacity reached");
    }
}
