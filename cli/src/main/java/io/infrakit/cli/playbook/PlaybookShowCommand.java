package io.infrakit.cli.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.dsl.Playbook;
import io.infrakit.playbooks.registry.PinnedPlaybook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Command(name = "show", description = "A playbook's commands, parameters (with types, defaults and descriptions), "
        + "source and README.")
final class PlaybookShowCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME|DIR", description = "An added playbook, or a directory")
    String playbook;

    @Mixin
    OutputOptions output = new OutputOptions();

    PlaybookShowCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        PlaybookLocator.Located located = PlaybookLocator.locate(playbook, false, cli, home());
        Printer.print(cli, output.format, Shown.of(located), () -> describe(located));
        return ExitCode.OK;
    }

    /** The playbook as data; Source, Commit, FetchedAt and Trusted only for an added one, a secret's default masked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Shown(@JsonProperty("Name") String name,
                 @JsonProperty("Description") String description,
                 @JsonProperty("Source") String source,
                 @JsonProperty("Commit") String commit,
                 @JsonProperty("FetchedAt") Instant fetchedAt,
                 @JsonProperty("Trusted") Boolean trusted,
                 @JsonProperty("Commands") List<Subcommand> commands,
                 @JsonProperty("Params") List<Parameter> params,
                 @JsonProperty("Readme") String readme) {

        record Subcommand(@JsonProperty("Name") String name, @JsonProperty("Description") String description) {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Parameter(@JsonProperty("Name") String name,
                         @JsonProperty("Type") String type,
                         @JsonProperty("Required") boolean required,
                         @JsonProperty("Default") String defaultValue,
                         @JsonProperty("Secret") boolean secret,
                         @JsonProperty("Description") String description) {
        }

        static Shown of(PlaybookLocator.Located located) {
            Playbook playbook = located.playbook().playbook();
            Optional<PinnedPlaybook> pinned = located.pinned();
            return new Shown(pinned.map(PinnedPlaybook::name).orElse(located.playbook().root().toString()), playbook.description(),
                    pinned.map(p -> p.source().display()).orElse(null), pinned.map(PinnedPlaybook::commit).orElse(null),
                    pinned.map(PinnedPlaybook::fetchedAt).orElse(null), pinned.map(PinnedPlaybook::trusted).orElse(null),
                    playbook.commands().stream().map(command -> new Subcommand(command.name(), command.description()))
                            .toList(),
                    playbook.params().stream().map(param -> new Parameter(param.name(),
                            param.type().name().toLowerCase(Locale.ROOT), param.required(),
                            param.required() ? null : param.display(param.defaultValue()), param.secret(),
                            param.description())).toList(),
                    located.playbook().readme().map(String::strip).orElse(null));
        }
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
