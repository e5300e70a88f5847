package io.infrakit.cli.instance;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstanceDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "describe", description = "List the instances of a plugin, all or those carrying every given tag.")
public final class InstanceDescribeCommand extends BaseCommand {

    @Mixin
    PluginOption plugin = new PluginOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = {"--tags", "-t"}, paramLabel = "KEY=VALUE", split = ",",
            description = "Only instances with all these tags")
    List<String> tags = List.of();

    @Option(names = "--properties", description = "Include the provider's properties of each instance")
    boolean properties;

    InstanceDescribeCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        PluginName name = plugin.pluginName();
        Map<String, String> wanted = parseTags(tags);
        List<InstanceDescription> instances = ManagerConnection.open(cli, home())
                .instancePlugin(name).describeInstances(wanted, properties);
        Printer.print(cli, output.format, instances, out -> table(out, instances));
        return ExitCode.OK;
    }

    /** Instances as InfraKit lists them: ID, logical ID (or -), tags. */
    public static void table(PrintWriter out, List<InstanceDescription> instances) {
        Printer.table(out, List.of("ID", "LOGICAL", "TAGS"), instances, List.of(
                instance -> instance.id().value(),
                instance -> instance.logicalId() == null ? "-" : instance.logicalId().toString(),
                new TagsColumn()));
    }

    /** The members of a group mostly carry the same tags: the text of the last row's tags is used again. */
    private static final class TagsColumn implements Function<InstanceDescription, String> {

        private Map<String, String> tags;
        private String text;

        @Override
        public String apply(InstanceDescription instance) {
            if (!instance.tags().equals(tags)) {
                tags = instance.tags();
                text = tagsText(tags);
            }
            return text;
        }
    }

    /** Tags as InfraKit prints them: sorted {@code k=v} pairs. */
    static String tagsText(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(","));
    }

    static Map<String, String> parseTags(List<String> tags) {
        Map<String, String> parsed = new TreeMap<>();
        for (String tag : tags) {
            int equals = tag.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSpecException("--tags " + tag + ": expected KEY=VALUE");
            }
            parsed.put(tag.substring(0, equals), tag.substring(equals + 1));
        }
        return parsed;
    }
}
