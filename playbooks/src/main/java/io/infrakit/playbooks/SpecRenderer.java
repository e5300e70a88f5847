package io.infrakit.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.dsl.CommitGroup;
import io.infrakit.dsl.ImageOutput;
import io.infrakit.dsl.InlineSpec;
import io.infrakit.dsl.TemplateSpec;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.common.Redactor;
import io.infrakit.common.SpecText;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.templates.Rendered;
import io.infrakit.templates.SpecDocuments;
import io.infrakit.templates.TemplateSession;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a group the playbook commits into the spec the manager gets: a template is rendered with the run's
 * parameters and the variables the script gave it (those win), then parsed; the group's name is its ID. A secret
 * parameter's value may not end up in a tag ({@link SecretPlacement}).
 */
final class SpecRenderer {

    /** A rendered spec, and where it came from: the template, or the script's line that wrote it inline. */
    record RenderedGroup(String source, GroupSpec spec) {
    }

    private final Path root;
    private final String script;
    private final TemplateSession templates;
    private final Map<String, Object> parameters;
    private final Redactor secrets;

    SpecRenderer(Path root, String script, TemplateSession templates, Map<String, Object> parameters,
                 Redactor secrets) {
        this.root = root;
        this.script = script;
        this.templates = templates;
        this.parameters = parameters;
        this.secrets = secrets;
    }

    RenderedGroup render(CommitGroup commit, Function<ImageOutput, String> images) {
        String name;
        JsonNode tree;
        if (commit.spec() instanceof TemplateSpec template) {
            Map<String, Object> vars = new LinkedHashMap<>(TemplateValues.plain(parameters, images));
            vars.putAll(TemplateValues.plain(template.vars(), images));
            Rendered rendered = templates.render(root.resolve(template.path()).toString(), vars);
            name = template.path();
            tree = SpecDocuments.parse(name, rendered);
            checkFields(name, rendered);
        } else {
            InlineSpec inline = (InlineSpec) commit.spec();
            name = script + ":" + commit.line();
            tree = Json.mapper().valueToTree(TemplateValues.plain(inline.spec(), images));
        }
        JsonNode spec = withId(name, tree, commit);
        SecretPlacement.refuseInTags(name, spec, secrets);
        return new RenderedGroup(name, SpecText.convert(name, spec, GroupSpec.class));
    }

    /** A misspelt field is named at the template's line, before the tree loses the positions. */
    private static void checkFields(String name, Rendered rendered) {
        try {
            SpecText.checkFields(name, rendered.text(), rendered.positions(name));
        } catch (java.io.IOException e) {
            throw new InvalidSpecException(name + ": " + e.getMessage(), e);
        }
    }

    private JsonNode withId(String name, JsonNode tree, CommitGroup commit) {
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidSpecException(name + ": a group spec must be an object with ID and Properties");
        }
        JsonNode id = object.get("ID");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            object.put("ID", commit.id());
        } else if (!id.asText().equals(commit.id())) {
            throw new InvalidSpecException(name + ": ID '" + id.asText() + "' is not the group '" + commit.id()
                    + "' that " + script + ":" + commit.line() + " commits");
        }
        return object;
    }
}
