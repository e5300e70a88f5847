package io.infrakit.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.CliTemplates;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.OutputFormat;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.cli.TemplateVariables;
import io.infrakit.playbooks.registry.TemplateRepositories;
import io.infrakit.templates.Rendered;
import io.infrakit.templates.SpecDocuments;
import io.infrakit.templates.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@Command(name = "render", description = {
        "Render a template and print the result; with -o json|yaml the result is parsed and printed in that format.",
        "A template reads only inside its own directory, the current directory and INFRAKIT_HOME "
                + "(add more with --allow-read); env() works only with --allow-env."})
final class TemplateRenderCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "URL|FILE",
            description = "A file, file://, http(s):// URL, str://TEMPLATE, or a template in a git repository: "
                    + "git::URL//PATH[#REF] (git://…//PATH and ssh://…//PATH need no git::)")
    String location;

    @Option(names = "--refresh", description = "For a template in git: fetch its repository again; otherwise the "
            + "commit fetched the first time is used, offline too")
    boolean refresh;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A variable for the template (typed: integer, true/false, else text); repeatable")
    List<String> vars = new ArrayList<>();

    @Option(names = "--allow-read", paramLabel = "DIR", description = "Let the template read this directory too")
    List<Path> allowRead = new ArrayList<>();

    @Option(names = "--allow-env", description = "Let the template read environment variables with env()")
    boolean allowEnv;

    @Mixin
    OutputOptions output;

    TemplateRenderCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        String source = TemplateRepositories.isGitTemplate(location)
                ? new TemplateRepositories(home().root(), Clock.systemUTC(), cli.environment())
                        .checkout(location, cli.workingDirectory(), refresh).toString()
                : location;
        Rendered rendered = new Templates(CliTemplates.policy(source, cli.workingDirectory(), home(), allowRead,
                allowEnv ? cli.environment() : null)).session()
                .render(source, cli.workingDirectory(), TemplateVariables.parse(vars));
        if (output.format == OutputFormat.text) {
            Printer.print(cli, OutputFormat.text, rendered.text(), rendered::text);
        } else {
            JsonNode parsed = SpecDocuments.parse(rendered.name(), rendered);
            Printer.print(cli, output.format, parsed, parsed::toPrettyString);
        }
        return ExitCode.OK;
    }
}
