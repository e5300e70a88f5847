package io.infrakit.templates;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * The output format of {@code *.yml.ftl} and {@code *.yaml.ftl}: every {@code ${...}} becomes one whole YAML scalar.
 * A simple word, number, path or sentence is written as it is, and reads as it did before; anything else (a colon,
 * a '#', quotes, brackets, a line break, leading or trailing blanks, the empty string) is written as a double-quoted
 * string, so a value can never add keys, items, anchors or tags, in block or flow style. Markup is written as it
 * is, JSON markup too: JSON is YAML, so a JSON template can be included where a YAML value goes.
 */
final class YamlOutputFormat extends CommonMarkupOutputFormat<YamlOutputFormat.Markup> {

    static final YamlOutputFormat INSTANCE = new YamlOutputFormat();

    /**
     * Text YAML reads back as itself in any position: it starts with a letter, digit, '_', '/', '~', '$' or '(' (or
     * with '-', '+' or '.' before a letter or digit, as numbers do), and goes on with those and '.', '-', '+', '=',
     * '@', '^', ')' and single blanks between words. None of YAML's indicators can start or end it.
     */
    private static final Pattern PLAIN = Pattern.compile(
            "(?:[A-Za-z0-9_/~$(]|[-+.][A-Za-z0-9])[A-Za-z0-9_/~$().+=@^-]*(?: [A-Za-z0-9_/~$().+=@^-]+)*");

    /** YAML text, or text still to be quoted. */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {

        private Markup(String plainText, String markup) {
            super(plainText, markup);
        }

        @Override
        public YamlOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }

    private YamlOutputFormat() {
    }

    @Override
    public String getName() {
        return "YAML";
    }

    @Override
    public String getMimeType() {
        return "application/yaml";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String plainText) {
        return PLAIN.matcher(plainText).matches() ? plainText : '"' + QuotedText.escape(plainText) + '"';
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    public boolean isOutputFormatMixingAllowed() {
        return true;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainText, String markup) {
        return new Markup(plainText, markup);
    }
}
