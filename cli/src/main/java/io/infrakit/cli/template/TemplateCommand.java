package io.infrakit.cli.template;

import picocli.CommandLine.Command;

@Command(name = "template", description = "Render Freemarker templates (*.ftl) the way playbooks do.",
        subcommands = {TemplateRenderCommand.class})
public final class TemplateCommand {
}
