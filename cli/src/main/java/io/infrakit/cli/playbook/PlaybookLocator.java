package io.infrakit.cli.playbook;

import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.Images;
import io.infrakit.cli.PlaybookRegistries;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.manager.PluginSelection;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.playbooks.LocalPlaybook;
import io.infrakit.playbooks.SpecConfinement;
import io.infrakit.playbooks.registry.PinnedPlaybook;
import io.infrakit.playbooks.registry.PlaybookRegistry;
import io.infrakit.common.UsageException;
import io.infrakit.templates.TemplatePolicy;
import io.infrakit.templates.Templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the playbook a command names: one added to the registry (its pinned commit, offline), else a directory
 * (or script) on disk. Its templates may read its tree and the built images, and its specs may name only those; a
 * trusted one's templates may read INFRAKIT_HOME too, the environment and the network, and its specs anything.
 */
final class PlaybookLocator {

    private PlaybookLocator() {
    }

    record Located(LocalPlaybook playbook, Optional<PinnedPlaybook> pinned, boolean trusted) {

        Templates templates(InfrakitHome home, CliEnvironment cli) {
            return new Templates(trusted ? TemplatePolicy.confinedTo(playbook.root(), home.root())
                    .allowingEnv(cli.environment()).allowingNetwork() : untrustedPolicy(home));
        }

        /** What the specs it commits and builds may name: for an untrusted one, what its templates may read. */
        SpecConfinement confinement(InfrakitHome home) {
            if (trusted) {
                return SpecConfinement.NONE;
            }
            Map<String, String> kindsByName = ManagerConfig.selection(home,
                            PluginRegistry.load(PlaybookLocator.class.getClassLoader())).stream()
                    .collect(Collectors.toMap(PluginSelection::name, PluginSelection::kind, (a, b) -> a));
            return SpecConfinement.of(untrustedPolicy(home), kindsByName);
        }

        /** Its own tree and the images built under INFRAKIT_HOME; no environment, no network. */
        private TemplatePolicy untrustedPolicy(InfrakitHome home) {
            return TemplatePolicy.confinedTo(playbook.root(), Images.directory(home));
        }
    }

    static Located locate(String nameOrPath, boolean trustLocal, CliEnvironment cli, InfrakitHome home) {
        PlaybookDsl dsl = dsl(home);
        PlaybookRegistry registry = PlaybookRegistries.of(cli, home);
        Optional<PinnedPlaybook> pinned = looksLikeAName(nameOrPath) ? registry.find(nameOrPath) : Optional.empty();
        if (pinned.isPresent()) {
            Path root = registry.checkout(nameOrPath);
            return new Located(LocalPlaybook.open(root, dsl), pinned, pinned.get().trusted());
        }
        Path path = cli.workingDirectory().resolve(nameOrPath);
        if (Files.exists(path)) {
            return new Located(LocalPlaybook.open(path, dsl), Optional.empty(), trustLocal);
        }
        String added = registry.list().stream().map(PinnedPlaybook::name).collect(Collectors.joining(", "));
        throw new UsageException("no playbook '" + nameOrPath + "'; " + (added.isEmpty()
                ? "none added yet (infrakit playbook add NAME URL)" : "added: " + added)
                + "; or give a directory with playbook.groovy");
    }

    /** The DSL, its compiled scripts kept in INFRAKIT_HOME/cache/dsl. */
    static PlaybookDsl dsl(InfrakitHome home) {
        return new PlaybookDsl(SandboxLimits.defaults(), Optional.of(home.root().resolve("cache").resolve("dsl")));
    }

    private static boolean looksLikeAName(String text) {
        return text.matches("[a-z0-9][a-z0-9._-]*");
    }
}
