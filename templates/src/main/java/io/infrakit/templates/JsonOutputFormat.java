package io.infrakit.templates;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * The output format of {@code *.json.ftl}: every {@code ${...}} is escaped for the inside of a JSON string, so a
 * value can never end the string it stands in and add keys. Markup of this format (what {@code jsonEncode()} returns,
 * the text of an included JSON template) is written as it is. Registered under the name "JSON", in place of
 * Freemarker's own JSON format, which escapes nothing.
 */
final class JsonOutputFormat extends CommonMarkupOutputFormat<JsonOutputFormat.Markup> {

    static final JsonOutputFormat INSTANCE = new JsonOutputFormat();

    /** JSON text, or text still to be escaped. */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {

        private Markup(String plainText, String markup) {
            super(plainText, markup);
        }

        @Override
        public JsonOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }

    private JsonOutputFormat() {
    }

    @Override
    public String getName() {
        return "JSON";
    }

    @Override
    public String getMimeType() {
        return "application/json";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String plainText) {
        return QuotedText.escape(plainText);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainText, String markup) {
        return new Markup(plainText, markup);
    }
}
