package io.infrakit.cli.playbook;

import picocli.CommandLine.Command;

@Command(name = "playbook", description = "Add playbooks from git, pinned, and run them: Groovy scripts that "
        + "build images and commit groups.",
        subcommands = {PlaybookAddCommand.class, PlaybookLsCommand.class, PlaybookShowCommand.class,
                PlaybookRunCommand.class, PlaybookUpdateCommand.class, PlaybookRmCommand.class})
public final class PlaybookCommand {
}
