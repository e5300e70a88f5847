package io.infrakit.cli;

import io.infrakit.dsl.Playbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "show", description = "A playbook's commands, parameters (with types, defaults and descriptions), "
        + "source and README.")
final class PlaybookShowCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME|DIR", description = "An added playbook, or a directory")
    String playbook;

    PlaybookShowCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        PlaybookLocator.Located located = PlaybookLocator.locate(playbook, false, cli, home());
        cli.out().print(describe(located));
        cli.out().flush();
        return ExitCode.OK;
    }

    static String describe(PlaybookLocator.Located located) {
        Playbook playbook = located.playbook().playbook();
        StringBuilder text = new StringBuilder();
        if (!playbook.description().isBlank()) {
            text.append(playbook.description()).append("\n\n");
        }
        located.pinned().ifPresent(pinned -> text.append("Source:  ").append(pinned.source().display())
                .append("\nCommit:  ").append(pinned.commit()).append(" (fetched ").append(pinned.fetchedAt())
                .append(")\nTrusted: ").append(pinned.trusted() ? "yes" : "no").append("\n\n"));
        text.append("Commands:\n").append(Printer.table(List.of("  COMMAND", "DESCRIPTION"), playbook.commands()
                .stream().map(command -> List.of("  " + command.name(), command.description())).toList()));
        text.append("\nParameters (--param NAME=VALUE, or --NAME VALUE after the command):\n");
        text.append(Printer.table(List.of("  NAME", "TYPE", "DEFAULT", "DESCRIPTION"), playbook.params().stream()
                .map(param -> List.of("  " + param.name(), param.type().name().toLowerCase(java.util.Locale.ROOT),
                        param.required() ? "(required)" : param.display(param.defaultValue()),
                        param.description())).toList()));
        located.playbook().readme().ifPresent(readme -> text.append("\n").append(readme.strip()).append("\n"));
        return text.toString();
    }
}
