package io.infrakit.templates;

import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.SizeBoundedBuiltIns;
import freemarker.template.Template;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** Renders templates under one policy: top-level renders for sessions, nested ones for include() and source(). */
final class Renderer {

    private final TemplatePolicy policy;
    private final ContentSources sources;
    private final SandboxConfiguration configuration;
    private final TemplateLimits limits;

    Renderer(TemplatePolicy policy, TemplateLimits limits) {
        this.policy = policy;
        this.sources = new ContentSources(policy);
        this.configuration = new SandboxConfiguration(sources, Functions.all());
        this.limits = limits;
    }

    TemplatePolicy policy() {
        return policy;
    }

    ContentSources sources() {
        return sources;
    }

    /** A render for a caller outside any template, bounded in time and memory. */
    Rendered renderTop(Location location, Map<String, Object> variables, VarScope vars) {
        DeclaredParams params = new DeclaredParams();
        MemoryBudget budget = MemoryBudget.start(limits.memoryBudgetBytes());
        RenderContext context = new RenderContext(this, variables, vars, 0, params, budget);
        try (RenderDeadline deadline = RenderDeadline.start(limits.renderTime())) {
            try {
                SourceMap.Recorder recorder = new SourceMap.Recorder();
                String text = render(location, context, new BoundedWriter(recorder)).text();
                return new Rendered(location.displayName(), text, params.list(), recorder.map());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw stopped(location, deadline, budget, e);
            }
        }
    }

    /** Renders {@code location} in its own Freemarker environment. */
    TemplateOutput render(Location location, RenderContext context) {
        return render(location, context, new BoundedWriter());
    }

    private TemplateOutput render(Location location, RenderContext context, BoundedWriter out) {
        try {
            Template template = template(location);
            Environment environment = template.createProcessingEnvironment(context.variables(), out);
            environment.setTemplateProcessingTracer(context.budget());
            SizeBoundedBuiltIns.limit(environment, limits.maxStringLength(), Limits.MAX_ELEMENTS);
            context.attachTo(environment);
            environment.process();
            return new TemplateOutput(out.toString(), template.getOutputFormat());
        } catch (freemarker.template.TemplateException | IOException e) {
            throw failure(location, out, e);
        }
    }

    /** Renders {@code location} inside the environment of the template calling source(), as its own directive. */
    TemplateOutput renderInPlace(Location location, Environment environment, RenderContext context) {
        Writer callerOut = environment.getOut();
        RenderContext callerContext = RenderContext.of(environment);
        BoundedWriter out = new BoundedWriter();
        try {
            Template template = template(location);
            environment.setOut(out);
            context.attachTo(environment);
            environment.include(template);
            return new TemplateOutput(out.toString(), template.getOutputFormat());
        } catch (freemarker.template.TemplateException | IOException e) {
            throw failure(location, out, e);
        } finally {
            environment.setOut(callerOut);
            callerContext.attachTo(environment);
        }
    }

    /**
     * The parsed template. A syntax error is located in the template itself; a template that cannot be loaded is a
     * {@link RenderProblem}, which the caller's error locates at the call.
     */
    private Template template(Location location) {
        try {
            return location instanceof Location.Inline inline
                    ? configuration.compile(inline)
                    : configuration.getTemplate(location.templateName());
        } catch (ParseException e) {
            throw ErrorMessages.translate(e);
        } catch (IOException e) {
            throw ErrorMessages.problem(e);
        }
    }

    private static TemplateException failure(Location location, BoundedWriter out, Exception e) {
        if (out.exceeded()) {
            return new TemplateException(location.displayName() + ": " + BoundedWriter.LIMIT_REASON, e);
        }
        return ErrorMessages.translate(e);
    }

    private static RuntimeException stopped(Location location, RenderDeadline deadline, MemoryBudget budget,
            Throwable e) {
        if (deadline.expired()) {
            return new TemplateException(location.displayName() + ": " + deadline.reason(), e);
        }
        if (budget.exceeded()) {
            return new TemplateException(location.displayName() + ": " + budget.reason(), e);
        }
        if (e instanceof OutOfMemoryError) {
            // A last resort: the checks above stop a render long before the JVM runs out, unless others use it too.
            return new TemplateException(location.displayName() + ": rendering ran out of memory; stopped", e);
        }
        if (e instanceof RenderProblem problem) {
            return new TemplateException(problem.getMessage(), problem);
        }
        if (e instanceof StackOverflowError) {
            return new TemplateException(location.displayName() + ": templates nest too deeply", e);
        }
        if (Thread.currentThread().isInterrupted() && !(e instanceof TemplateException)) {
            return new TemplateException(location.displayName() + ": rendering was interrupted", e);
        }
        return (RuntimeException) e;
    }
}
