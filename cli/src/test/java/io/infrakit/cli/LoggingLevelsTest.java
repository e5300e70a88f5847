package io.infrakit.cli;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's logging: JGit and sshd keep quiet unless something is wrong with them; our own code logs as before. */
class LoggingLevelsTest {

    @Test
    void jgitAndSshdShowOnlyTheirErrors() {
        for (String name : new String[] {"org.eclipse.jgit.internal.transport.sshd.JGitClientSession",
                "org.apache.sshd.common.io.DefaultIoServiceFactoryFactory", "org.eclipse.jgit.util.FS"}) {
            Logger logger = LoggerFactory.getLogger(name);
            assertThat(logger.isInfoEnabled()).as(name).isFalse();
            assertThat(logger.isWarnEnabled()).as(name).isFalse();
            assertThat(logger.isErrorEnabled()).as(name).isTrue();
        }
    }

    @Test
    void ourOwnCodeStillLogsItsProgress() {
        assertThat(LoggerFactory.getLogger("io.infrakit.engine.group.DefaultGroupController").isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.infrakit.rpc.PluginServer").isWarnEnabled()).isTrue();
    }
}
