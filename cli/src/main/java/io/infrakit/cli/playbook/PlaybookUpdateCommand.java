package io.infrakit.cli.playbook;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.PlaybookRegistries;
import io.infrakit.playbooks.registry.PlaybookUpdate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Fetch a playbook's ref again, show what changed, and move the pin.")
final class PlaybookUpdateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    PlaybookUpdateCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        PlaybookUpdate update = PlaybookRegistries.of(cli, home()).update(name);
        String before = update.before().commit().substring(0, 12);
        String after = update.after().commit().substring(0, 12);
        if (!update.changed()) {
            cli.out().println(name + " is up to date at " + after);
        } else {
            cli.out().println(name + ": " + before + ".." + after + " (" + update.commits().size() + " commit"
                    + (update.commits().size() == 1 ? "" : "s") + ")");
            update.commits().forEach(commit -> cli.out().println("  " + commit));
            cli.out().println("files changed:");
            update.changedFiles().forEach(file -> cli.out().println("  " + file));
        }
        cli.out().flush();
        return ExitCode.OK;
    }
}
