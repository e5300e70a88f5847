package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.playbooks.registry.PlaybookRegistry;

import java.time.Clock;

/** The registry of playbooks added to a home. */
public final class PlaybookRegistries {

    private PlaybookRegistries() {
    }

    public static PlaybookRegistry of(CliEnvironment cli, InfrakitHome home) {
        return new PlaybookRegistry(home.root(), Clock.systemUTC(), cli.environment());
    }
}
