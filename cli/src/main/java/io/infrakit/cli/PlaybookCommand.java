package io.infrakit.cli;

import picocli.CommandLine.Command;

@Command(name = "playbook", description = "Run playbooks: Groovy scripts that build images and commit groups.",
        subcommands = {PlaybookRunCommand.class})
final class PlaybookCommand {
}
