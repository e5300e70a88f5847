package io.infrakit.templates;

import java.time.Duration;
import java.util.Objects;

/**
 * Renders Freemarker templates under a {@link TemplatePolicy}. Thread-safe; build one per policy and reuse it, as
 * it caches parsed templates.
 */
public final class Templates {

    private final Renderer renderer;

    /** Renders within {@link TemplateLimits#defaults()}. */
    public Templates(TemplatePolicy policy) {
        this(policy, TemplateLimits.defaults());
    }

    /** The default limits, but each top-level render is stopped, and fails, once it has run for {@code renderTimeLimit}. */
    public Templates(TemplatePolicy policy, Duration renderTimeLimit) {
        this(policy, TemplateLimits.defaults().withRenderTime(renderTimeLimit));
    }

    /** Each top-level render is stopped, and fails with one line, once it exceeds one of {@code limits}. */
    public Templates(TemplatePolicy policy, TemplateLimits limits) {
        Objects.requireNonNull(policy, "policy");
        this.renderer = new Renderer(policy, Objects.requireNonNull(limits, "limits"));
    }

    /** A new session: one per playbook run or CLI render. */
    public TemplateSession session() {
        return new TemplateSession(renderer);
    }
}
