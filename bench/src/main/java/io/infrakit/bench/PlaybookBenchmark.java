package io.infrakit.bench;

import io.infrakit.dsl.Plan;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.playbooks.Infrastructure;
import io.infrakit.playbooks.LocalPlaybook;
import io.infrakit.playbooks.ParameterResolver;
import io.infrakit.playbooks.PlaybookRunner;
import io.infrakit.playbooks.Prompter;
import io.infrakit.playbooks.RunMode;
import io.infrakit.playbooks.SpecConfinement;
import io.infrakit.templates.TemplatePolicy;
import io.infrakit.templates.Templates;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A typical playbook (the shipped quickstart: its DSL and three templates) evaluated in one JVM again and again:
 * load and sandbox-compile the script, resolve parameters, plan, render and parse both group specs.
 */
final class PlaybookBenchmark {

    static final String QUICKSTART = "examples/playbooks/quickstart";

    private PlaybookBenchmark() {
    }

    static List<Result> warm(Path repository, int runs) {
        PlaybookDsl dsl = new PlaybookDsl(SandboxLimits.defaults());
        Path root = repository.resolve(QUICKSTART);
        TemplatePolicy policy = TemplatePolicy.confinedTo(root);
        Templates templates = new Templates(policy);
        PlaybookRunner runner = new PlaybookRunner(Infrastructure.NONE, SpecConfinement.of(policy),
                new PrintWriter(Writer.nullWriter()));
        Duration first = evaluate(dsl, root, templates, runner);
        for (int warmup = 0; warmup < 20; warmup++) {
            evaluate(dsl, root, templates, runner);
        }
        List<Duration> samples = new ArrayList<>();
        for (int run = 0; run < Math.max(runs, 10); run++) {
            samples.add(evaluate(dsl, root, templates, runner));
        }
        return List.of(
                Result.timed("playbook evaluation, first in a fresh JVM (in process)", List.of(first), 1, "-"),
                Result.timed("playbook evaluation, warm (in process, DSL + 3 templates)", samples, 1, "< 20 ms"));
    }

    private static Duration evaluate(PlaybookDsl dsl, Path root, Templates templates, PlaybookRunner runner) {
        long start = System.nanoTime();
        LocalPlaybook playbook = LocalPlaybook.open(root, dsl);
        Plan plan = new ParameterResolver(Prompter.NOBODY, true).plan(playbook.playbook(), "up", Map.of());
        runner.run(playbook, plan, templates, RunMode.PRINT_ONLY);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
