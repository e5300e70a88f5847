package io.infrakit.playbooks;

import io.infrakit.dsl.Action;
import io.infrakit.dsl.BuildImage;
import io.infrakit.dsl.CommitGroup;
import io.infrakit.dsl.DestroyGroup;
import io.infrakit.dsl.Echo;
import io.infrakit.dsl.ImageOutput;
import io.infrakit.dsl.Plan;
import io.infrakit.dsl.Playbook;
import io.infrakit.dsl.ScaleGroup;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.spi.Redactor;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.templates.TemplateSession;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a playbook's plan in order: images first where the script asks for them, so later groups can refer
 * to their outputs; each step prints one line as it happens. Pretending asks the manager for plans only; print-only
 * never leaves the process. What it prints never shows a secret parameter's value (the rendered specs of print-only
 * included); errors it throws may, and are for the caller to show through {@link Playbook#secrets}.
 */
public final class PlaybookRunner {

    private final Infrastructure infrastructure;
    private final PrintWriter out;
    /** The secret values of the run under way, which {@link #say} masks. */
    private Redactor secrets = Redactor.none();

    public PlaybookRunner(Infrastructure infrastructure, PrintWriter out) {
        this.infrastructure = infrastructure;
        this.out = out;
    }

    public RunSummary run(LocalPlaybook playbook, Plan plan, TemplateSession templates, RunMode mode) {
        secrets = playbook.playbook().secrets(plan.params());
        SpecRenderer renderer = new SpecRenderer(playbook.root(), playbook.playbook().fileName(), templates,
                plan.params(), secrets);
        Map<String, Map<String, String>> imageOutputs = new HashMap<>();
        List<GroupId> committed = new ArrayList<>();
        int images = 0;
        int scaled = 0;
        int destroyed = 0;
        for (Action action : plan.actions()) {
            if (action instanceof BuildImage image) {
                imageOutputs.put(image.file(), build(image, playbook, mode));
                images++;
            } else if (action instanceof CommitGroup commit) {
                GroupSpec spec = renderer.render(commit, output -> outputOf(output, imageOutputs, mode));
                commit(spec, mode);
                committed.add(spec.id());
            } else if (action instanceof ScaleGroup scale) {
                if (mode == RunMode.EXECUTE) {
                    infrastructure.scaleGroup(GroupId.of(scale.id()), scale.size());
                }
                say("group " + scale.id() + ": " + would(mode) + "scaled to " + scale.size());
                scaled++;
            } else if (action instanceof DestroyGroup destroy) {
                if (mode == RunMode.EXECUTE) {
                    infrastructure.destroyGroup(GroupId.of(destroy.id()));
                }
                say("group " + destroy.id() + ": " + would(mode) + "destroyed");
                destroyed++;
            } else if (action instanceof Echo echo) {
                say(echo.text());
            }
        }
        RunSummary summary = new RunSummary(plan.command(), mode, images, committed, scaled, destroyed);
        say(summary.describe());
        return summary;
    }

    private Map<String, String> build(BuildImage image, LocalPlaybook playbook, RunMode mode) {
        if (mode != RunMode.EXECUTE) {
            say("image " + image.file() + ": would be built");
            return Map.of();
        }
        Map<String, String> outputs = infrastructure.buildImage(image, playbook.root());
        say("image " + image.file() + ": built " + outputs.getOrDefault("hash", ""));
        return outputs;
    }

    private void commit(GroupSpec spec, RunMode mode) {
        switch (mode) {
            case PRINT_ONLY -> say("group " + spec.id() + ":\n" + pretty(spec));
            case PRETEND -> say("group " + spec.id() + ": Committing " + spec.id() + " would involve: "
                    + infrastructure.commitGroup(spec, true));
            case EXECUTE -> say("group " + spec.id() + ": committed: " + infrastructure.commitGroup(spec, false));
        }
    }

    /** Before a build ran (pretend, print-only) an output is a placeholder that says what it will be. */
    private static String outputOf(ImageOutput output, Map<String, Map<String, String>> built, RunMode mode) {
        Map<String, String> outputs = built.get(output.file());
        if (mode != RunMode.EXECUTE) {
            return "<" + output.output() + " of " + output.file() + ">";
        }
        if (outputs == null || !outputs.containsKey(output.output())) {
            throw new InvalidSpecException("image " + output.file() + " has no output '" + output.output() + "'");
        }
        return outputs.get(output.output());
    }

    private static String pretty(GroupSpec spec) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print " + spec.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String would(RunMode mode) {
        return mode == RunMode.EXECUTE ? "" : "would be ";
    }

    private void say(String line) {
        out.println(secrets.redact(line));
        out.flush();
    }
}
