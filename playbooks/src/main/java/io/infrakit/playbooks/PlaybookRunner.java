package io.infrakit.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.dsl.Action;
import io.infrakit.dsl.BuildImage;
import io.infrakit.dsl.CommitGroup;
import io.infrakit.dsl.DestroyGroup;
import io.infrakit.dsl.Echo;
import io.infrakit.dsl.ImageOutput;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.Plan;
import io.infrakit.dsl.Playbook;
import io.infrakit.dsl.ScaleGroup;
import io.infrakit.image.ImageSpec;
import io.infrakit.image.ImageSpecParser;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.common.Redactor;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.templates.TemplateSession;
import io.infrakit.templates.Templates;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Carries out a playbook's plan in order: images first where the script asks for them, so later groups can refer
 * to their outputs; each step prints one line as it happens. Pretending asks the manager for plans only; print-only
 * never leaves the process. Every group spec and image spec passes the {@link SpecConfinement}; before a run acts,
 * a first pass renders and checks them all, so a playbook with one spec refused changes nothing at all. What it
 * prints never shows a secret parameter's value (the rendered specs of print-only included); errors it throws may,
 * and are for the caller to show through {@link Playbook#secrets}.
 */
public final class PlaybookRunner {

    private final Infrastructure infrastructure;
    private final SpecConfinement confinement;
    private final PrintWriter out;
    /** The secret values of the run under way, which {@link #say} masks. */
    private Redactor secrets = Redactor.none();

    public PlaybookRunner(Infrastructure infrastructure, SpecConfinement confinement, PrintWriter out) {
        this.infrastructure = infrastructure;
        this.confinement = confinement;
        this.out = out;
    }

    /** Each pass renders in a session of its own, so that what one template sets with var() is set once a pass. */
    public RunSummary run(LocalPlaybook playbook, Plan plan, Templates templates, RunMode mode) {
        secrets = playbook.playbook().secrets(plan.params());
        if (mode == RunMode.EXECUTE) {
            new Pass(playbook, plan, templates.session(), mode, false, true).run();
        }
        return new Pass(playbook, plan, templates.session(), mode, true, true).run();
    }

    /**
     * What a run that does not act would do, as one document with its secrets masked; prints nothing. Unlike the
     * lines of {@link #run}, it parses the image specs to show them.
     *
     * @param name the playbook as the user named it
     */
    public JsonNode preview(String name, LocalPlaybook playbook, Plan plan, Templates templates, RunMode mode) {
        if (mode == RunMode.EXECUTE) {
            throw new IllegalArgumentException("only a run that does not act is previewed");
        }
        secrets = playbook.playbook().secrets(plan.params());
        Pass pass = new Pass(playbook, plan, templates.session(), mode, true, false);
        RunSummary summary = pass.run();
        return new RunPreview(name, plan.command(), mode, plan.params(), pass.steps, summary.describe())
                .redacted(secrets);
    }

    /** One walk through the plan; one that does not act checks every spec, and prints and changes nothing. */
    private final class Pass {

        private final LocalPlaybook playbook;
        private final Plan plan;
        private final RunMode mode;
        private final boolean acting;
        /** Whether it says each step on a line as it goes; it records each step either way. */
        private final boolean printing;
        private final List<RunPreview.Step> steps = new ArrayList<>();
        private final SpecRenderer renderer;
        private final Map<String, Map<String, String>> imageOutputs = new HashMap<>();
        /** What specs may name whatever it is: what the user gave, and what the run's own builds gave. */
        private final Set<String> vouched;

        Pass(LocalPlaybook playbook, Plan plan, TemplateSession templates, RunMode mode, boolean acting,
             boolean printing) {
            this.playbook = playbook;
            this.plan = plan;
            this.mode = mode;
            this.acting = acting;
            this.printing = printing;
            this.renderer = new SpecRenderer(playbook.root(), playbook.playbook().fileName(), templates,
                    plan.params(), secrets);
            this.vouched = givenByTheUser(playbook, plan);
        }

        RunSummary run() {
            List<GroupId> committed = new ArrayList<>();
            int images = 0;
            int scaled = 0;
            int destroyed = 0;
            for (Action action : plan.actions()) {
                if (action instanceof BuildImage image) {
                    imageOutputs.put(image.file(), build(image));
                    images++;
                } else if (action instanceof CommitGroup commit) {
                    SpecRenderer.RenderedGroup rendered = renderer.render(commit, this::outputOf);
                    confinement.checkGroup(rendered.source(), rendered.spec(), vouched);
                    commit(rendered.spec());
                    committed.add(rendered.spec().id());
                } else if (action instanceof ScaleGroup scale) {
                    if (acts()) {
                        infrastructure.scaleGroup(GroupId.of(scale.id()), scale.size());
                    }
                    say("group " + scale.id() + ": " + would() + "scaled to " + scale.size());
                    steps.add(new RunPreview.Step("ScaleGroup", scale.id(), null, null, scale.size(), null));
                    scaled++;
                } else if (action instanceof DestroyGroup destroy) {
                    if (acts()) {
                        infrastructure.destroyGroup(GroupId.of(destroy.id()));
                    }
                    say("group " + destroy.id() + ": " + would() + "destroyed");
                    steps.add(new RunPreview.Step("DestroyGroup", destroy.id(), null, null, null, null));
                    destroyed++;
                } else if (action instanceof Echo echo) {
                    say(echo.text());
                    steps.add(new RunPreview.Step("Echo", null, null, null, null, echo.text()));
                }
            }
            RunSummary summary = new RunSummary(plan.command(), mode, images, committed, scaled, destroyed);
            say(summary.describe());
            return summary;
        }

        /** Only an executing run builds; it (and the pass that checks for it) parses and checks the spec first. */
        private Map<String, String> build(BuildImage image) {
            if (mode != RunMode.EXECUTE && printing) {
                say("image " + image.file() + ": would be built");
                return Map.of();
            }
            Map<String, String> vars = new LinkedHashMap<>();
            image.vars().forEach((name, value) -> vars.put(name, String.valueOf(value)));
            ImageSpec spec = ImageSpecParser.parse(PlaybookFiles.inside(playbook.root(), image.file()), vars);
            confinement.checkImage(image.file(), spec, vouched);
            if (!acts()) {
                if (acting) {
                    steps.add(new RunPreview.Step("BuildImage", image.file(), RunPreview.imageSpec(spec), null, null,
                            null));
                }
                return Map.of();
            }
            Map<String, String> outputs = infrastructure.buildImage(spec);
            say("image " + image.file() + ": built " + outputs.getOrDefault("hash", ""));
            return outputs;
        }

        private void commit(GroupSpec spec) {
            if (!acting) {
                return;
            }
            String plan = null;
            switch (mode) {
                case PRINT_ONLY -> say("group " + spec.id() + ":\n" + pretty(spec));
                case PRETEND -> {
                    plan = infrastructure.commitGroup(spec, true);
                    say("group " + spec.id() + ": Committing " + spec.id() + " would involve: " + plan);
                }
                case EXECUTE -> say("group " + spec.id() + ": committed: " + infrastructure.commitGroup(spec, false));
            }
            steps.add(new RunPreview.Step("CommitGroup", spec.id().value(), Json.mapper().valueToTree(spec), plan,
                    null, null));
        }

        /** Before a build ran (pretend, print-only, checking) an output is a placeholder that says what it will be. */
        private String outputOf(ImageOutput output) {
            String value;
            if (!acts()) {
                value = "<" + output.output() + " of " + output.file() + ">";
            } else {
                Map<String, String> outputs = imageOutputs.get(output.file());
                if (outputs == null || !outputs.containsKey(output.output())) {
                    throw new InvalidSpecException("image " + output.file() + " has no output '" + output.output()
                            + "'");
                }
                value = outputs.get(output.output());
            }
            vouched.add(value);
            return value;
        }

        private boolean acts() {
            return acting && mode == RunMode.EXECUTE;
        }

        private String would() {
            return mode == RunMode.EXECUTE ? "" : "would be ";
        }

        private void say(String line) {
            if (acting && printing) {
                out.println(secrets.redact(line));
                out.flush();
            }
        }
    }

    /**
     * The text values of parameters the user gave (on the command line, in a file or at a prompt): those that differ
     * from the playbook's default, which is all a playbook decides. A spec may name what the user named.
     */
    private static Set<String> givenByTheUser(LocalPlaybook playbook, Plan plan) {
        Set<String> given = new HashSet<>();
        for (Param param : playbook.playbook().params()) {
            Object value = plan.params().get(param.name());
            if (value instanceof String text && !Objects.equals(value, param.defaultValue())) {
                given.add(text);
            }
        }
        return given;
    }

    private static String pretty(GroupSpec spec) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print " + spec.id() + ": " + e.getOriginalMessage(), e);
        }
    }
}
