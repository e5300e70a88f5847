package io.infrakit.cli.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.PlaybookRegistries;
import io.infrakit.cli.Printer;
import io.infrakit.playbooks.registry.PinnedPlaybook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.temporal.ChronoUnit;
import java.util.List;

@Command(name = "ls", description = "List the playbooks added: source, ref, pinned commit, when fetched, trust.")
final class PlaybookLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    PlaybookLsCommand(CliEnvironment cli) {
        super(cli);
    }

    record Row(@JsonProperty("Name") String name, @JsonProperty("URL") String url, @JsonProperty("Ref") String ref,
               @JsonProperty("Commit") String commit, @JsonProperty("FetchedAt") String fetchedAt,
               @JsonProperty("Trusted") boolean trusted) {

        static Row of(PinnedPlaybook playbook) {
            String display = playbook.source().display();
            int fragment = display.indexOf('#');
            return new Row(playbook.name(), fragment < 0 ? display : display.substring(0, fragment),
                    playbook.source().ref().orElse("(default branch)"), playbook.commit(),
                    playbook.fetchedAt().truncatedTo(ChronoUnit.SECONDS).toString(), playbook.trusted());
        }
    }

    @Override
    protected int run() {
        List<Row> rows = PlaybookRegistries.of(cli, home()).list().stream().map(Row::of).toList();
        Printer.print(cli, output.format, rows, () -> Printer.table(
                List.of("NAME", "URL", "REF", "COMMIT", "FETCHED", "TRUSTED"),
                rows.stream().map(row -> List.of(row.name(), row.url(), row.ref(), row.commit().substring(0, 12),
                        row.fetchedAt(), row.trusted() ? "yes" : "no")).toList()));
        return ExitCode.OK;
    }
}
