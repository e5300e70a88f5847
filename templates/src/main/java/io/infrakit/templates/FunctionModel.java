package io.infrakit.templates;

import freemarker.core.Environment;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.List;

/**
 * An InfraKit function as Freemarker sees it. Problems are thrown unchecked: Freemarker wraps them in an error
 * located at the call.
 */
record FunctionModel(String name, int minArguments, int maxArguments, Body body) implements TemplateMethodModelEx {

    /** What the function does; returns a plain Java value (or "" when it only has an effect). */
    @FunctionalInterface
    interface Body {
        Object apply(Call call);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.size() < minArguments || arguments.size() > maxArguments) {
            throw new RenderProblem(name + "() takes " + expectedCount() + ", got " + arguments.size());
        }
        List<Object> plain = new ArrayList<>(arguments.size());
        for (Object argument : arguments) {
            plain.add(PlainValues.fromModel((TemplateModel) argument));
        }
        return body.apply(new Call(name, plain, Environment.getCurrentEnvironment()));
    }

    private String expectedCount() {
        String count = minArguments == maxArguments ? String.valueOf(minArguments)
                : minArguments + " to " + maxArguments;
        return count + (maxArguments == 1 ? " argument" : " arguments");
    }
}
