package io.infrakit.playbooks.registry;

import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsolatedGitConfigTest {

    @Test
    void jgitReadsNeitherTheUsersNorTheSystemsGitConfigFile() throws Exception {
        IsolatedGitConfig.install();
        IsolatedGitConfig.install();

        SystemReader reader = SystemReader.getInstance();
        assertThat(reader.openUserConfig(null, FS.DETECTED).getFile()).isNull();
        assertThat(reader.openSystemConfig(null, FS.DETECTED).getFile()).isNull();
        assertThat(reader.getUserConfig()).isNotNull().extracting(config -> config.getString("core", null,
                "autocrlf")).isNull();
    }
}
