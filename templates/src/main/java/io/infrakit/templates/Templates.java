package io.infrakit.templates;

import java.time.Duration;
import java.util.Objects;

/**
 * Renders Freemarker templates under a {@link TemplatePolicy}. Thread-safe; build one per policy and reuse it, as
 * it caches parsed templates.
 */
public final class Templates {

    private final Renderer renderer;

    /** Renders stop after 10 seconds. */
    public Templates(TemplatePolicy policy) {
        this(policy, Limits.DEFAULT_RENDER_TIME_LIMIT);
    }

    /** Each top-level render is stopped, and fails, once it has run for {@code renderTimeLimit}. */
    public Templates(TemplatePolicy policy, Duration renderTimeLimit) {
        Objects.requireNonNull(policy, "policy");
        if (renderTimeLimit.isNegative() || renderTimeLimit.isZero()) {
            throw new IllegalArgumentException("render time limit must be positive: " + renderTimeLimit);
        }
        this.renderer = new Renderer(policy, renderTimeLimit);
    }

    /** A new session: one per playbook run or CLI render. */
    public TemplateSession session() {
        return new TemplateSession(renderer);
    }
}
