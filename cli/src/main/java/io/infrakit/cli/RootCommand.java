package io.infrakit.cli;

import picocli.CommandLine.Command;

/** {@code infrakit}: declarative, self-healing infrastructure. Its subcommands are added by {@link Commands}. */
@Command(name = "infrakit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Declarative, self-healing infrastructure for the JVM.")
final class RootCommand {
}
