package io.infrakit.cli;

import picocli.CommandLine.Command;

@Command(name = "template", description = "Render Freemarker templates (*.ftl) the way playbooks do.",
        subcommands = {TemplateRenderCommand.class})
final class TemplateCommand {
}
