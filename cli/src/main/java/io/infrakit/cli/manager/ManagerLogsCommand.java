package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.LogFile;
import io.infrakit.manager.ManagerUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "logs", description = "Print the manager's log ($INFRAKIT_HOME/manager.log), also when no manager "
        + "runs; with -f, go on printing what the manager adds until Ctrl-C. Exits 7 when there is no log.")
final class ManagerLogsCommand extends BaseCommand {

    @Option(names = {"-f", "--follow"}, description = "Go on printing the lines the manager adds, until Ctrl-C")
    boolean follow;

    ManagerLogsCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() throws IOException {
        Path log = home().managerLogFile();
        if (!Files.isRegularFile(log)) {
            throw new ManagerUnreachableException("no manager log at " + log
                    + ": no manager has been started in this home ('infrakit manager start' starts one)");
        }
        new LogFile(cli).print(log, follow);
        return ExitCode.OK;
    }
}
