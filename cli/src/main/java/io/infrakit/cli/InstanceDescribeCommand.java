package io.infrakit.cli;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.InstanceDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

@Command(name = "describe", description = "List the instances of a plugin, all or those carrying every given tag.")
final class InstanceDescribeCommand extends BaseCommand {

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
    int run() {
        List<InstanceDescription> instances = ManagerConnection.open(cli, home())
                .instancePlugin(plugin.name).describeInstances(parseTags(tags), properties);
        Printer.print(cli, output.format, instances, () -> Printer.table(List.of("ID", "LOGICAL", "TAGS"),
                instances.stream().map(instance -> List.of(instance.id().value(),
                        instance.logicalIdIfAny().map(Object::toString).orElse("-"),
                        tagsText(instance.tags()))).toList()));
        return ExitCode.OK;
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
