package io.infrakit.templates;

/**
 * Why a function call or a template load failed, in plain words and without a place; the place is added from the
 * Freemarker error that carries it (see {@link ErrorMessages}).
 */
final class RenderProblem extends RuntimeException {

    RenderProblem(String reason) {
        super(reason);
    }

    RenderProblem(String reason, Throwable cause) {
        super(reason, cause);
    }
}
