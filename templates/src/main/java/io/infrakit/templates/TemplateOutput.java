package io.infrakit.templates;

import freemarker.core.MarkupOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.template.TemplateModelException;

/** What a template rendered, in the output format its name gave it (see {@link SandboxConfiguration}). */
record TemplateOutput(String text, OutputFormat format) {

    /**
     * What include() and source() return: the text as markup of a JSON or YAML template, which a template of the same
     * format (or a YAML one, for JSON) writes as it is, rather than escaping it again; plain text otherwise.
     */
    Object value() {
        if (format instanceof MarkupOutputFormat<?> markup) {
            try {
                return markup.fromMarkup(text);
            } catch (TemplateModelException e) {
                throw new IllegalStateException("our output formats take any markup", e);
            }
        }
        return text;
    }
}
