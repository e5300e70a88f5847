package io.infrakit.cli.plugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.Commands;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.rpc.PluginEndpoint;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InterfaceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "ls", description = "List every plugin object with its kind (as 'plugin start' names kinds; - for a "
        + "plugin the manager does not serve), the interfaces and versions it implements and its socket.")
public final class PluginLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    PluginLsCommand(CliEnvironment cli) {
        super(cli);
    }

    /** One object of one plugin, and one interface it implements. */
    public record Row(@JsonProperty("Name") String name,
               @JsonProperty("Kind") String kind,
               @JsonProperty("Interface") String implemented,
               @JsonProperty("Socket") String socket,
               @JsonProperty("Error") String error) {
    }

    @Override
    protected int run() {
        List<Row> rows = rows(ManagerConnection.open(cli, home()));
        Printer.print(cli, output.format, rows, () -> Printer.table(List.of("NAME", "KIND", "INTERFACE", "SOCKET"),
                rows.stream().map(row -> List.of(row.name(), row.kind(),
                        row.error() == null ? row.implemented() : "unreachable: " + row.error(), row.socket())).toList()));
        return ExitCode.OK;
    }

    /** Every object of every plugin the manager's directory lists, by name; one that does not answer says why. */
    public static List<Row> rows(ManagerConnection manager) {
        List<Row> rows = new ArrayList<>();
        Map<String, String> kinds = manager.servedKinds();
        for (PluginEndpoint endpoint : manager.endpoints()) {
            String kind = kinds.getOrDefault(endpoint.name(), "-");
            try {
                Map<InterfaceSpec, List<String>> objects = manager.client(endpoint).hello();
                objects.forEach((spec, names) -> names.forEach(object ->
                        rows.add(new Row(objectName(endpoint.name(), object), kind, spec.encoded(),
                                endpoint.socket().toString(), null))));
            } catch (InfrakitException e) {
                rows.add(new Row(endpoint.name(), kind, "-", endpoint.socket().toString(), Commands.oneLine(e)));
            }
        }
        rows.sort((a, b) -> (a.name() + " " + a.implemented()).compareTo(b.name() + " " + b.implemented()));
        return rows;
    }

    private static String objectName(String lookup, String object) {
        return ".".equals(object) || object.isEmpty() ? lookup : lookup + "/" + object;
    }
}
