package io.infrakit.templates;

import com.fasterxml.jackson.databind.JsonNode;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import io.infrakit.spi.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only values templates see: strings, numbers, booleans, lists and maps of them, and null. Anything else
 * would let a template reach Java methods.
 */
final class PlainValues {

    private PlainValues() {
    }

    /** Converts the variables a caller passes to a render. */
    static Map<String, Object> variables(Map<String, ?> variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, value) -> plain.put(name, fromJava(value, name)));
        }
        return plain;
    }

    /** Converts a Java value; {@code path} names it in the error when it is of a type templates cannot see. */
    static Object fromJava(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            return value instanceof Enum<?> constant ? constant.name() : value.toString();
        }
        if (value instanceof JsonNode node) {
            return fromJava(Json.mapper().convertValue(node, Object.class), path);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((key, item) -> plain.put(String.valueOf(key), fromJava(item, path + "." + key)));
            return plain;
        }
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> items = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
            List<Object> plain = new ArrayList<>(items.size());
            for (Object item : items) {
                plain.add(fromJava(item, path + "[" + plain.size() + "]"));
            }
            return plain;
        }
        throw new TemplateException("variable '" + path + "': a " + value.getClass().getSimpleName()
                + " cannot be passed to a template; use strings, numbers, booleans, lists and maps");
    }

    /** Converts a value a template passes to a function. */
    static Object fromModel(TemplateModel model) throws TemplateModelException {
        if (model == null || model == TemplateModel.NOTHING) {
            return null;
        }
        if (model instanceof TemplateMarkupOutputModel<?> markup) {
            return markupText(markup);
        }
        if (model instanceof AdapterTemplateModel adapter) {
            // Only our own plain values are ever wrapped, so what is inside is plain too.
            return adapter.getAdaptedObject(Object.class);
        }
        if (model instanceof TemplateBooleanModel bool) {
            return bool.getAsBoolean();
        }
        if (model instanceof TemplateNumberModel number) {
            return number.getAsNumber();
        }
        if (model instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        }
        if (model instanceof TemplateDateModel date) {
            return date.getAsDate().toInstant().toString();
        }
        if (model instanceof TemplateSequenceModel sequence) {
            return fromSequence(sequence);
        }
        if (model instanceof TemplateHashModelEx2 hash) {
            return fromHash(hash);
        }
        if (model instanceof TemplateHashModelEx hash) {
            Map<String, Object> plain = new LinkedHashMap<>();
            TemplateModelIterator keys = hash.keys().iterator();
            while (keys.hasNext()) {
                String key = ((TemplateScalarModel) keys.next()).getAsString();
                plain.put(key, fromModel(hash.get(key)));
            }
            return plain;
        }
        if (model instanceof TemplateCollectionModel collection) {
            List<Object> plain = new ArrayList<>();
            TemplateModelIterator items = collection.iterator();
            while (items.hasNext()) {
                checkSize(plain.size() + 1);
                plain.add(fromModel(items.next()));
            }
            return plain;
        }
        throw new RenderProblem("a macro or function cannot be used as a value");
    }

    /** The text of jsonEncode()'s or an included template's markup, as it would be written. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String markupText(TemplateMarkupOutputModel markup) throws TemplateModelException {
        return markup.getOutputFormat().getMarkupString(markup);
    }

    private static List<Object> fromSequence(TemplateSequenceModel sequence) throws TemplateModelException {
        int size = sequence.size();
        checkSize(size);
        List<Object> plain = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            plain.add(fromModel(sequence.get(i)));
        }
        return plain;
    }

    private static Map<String, Object> fromHash(TemplateHashModelEx2 hash) throws TemplateModelException {
        Map<String, Object> plain = new LinkedHashMap<>();
        TemplateHashModelEx2.KeyValuePairIterator pairs = hash.keyValuePairIterator();
        while (pairs.hasNext()) {
            TemplateHashModelEx2.KeyValuePair pair = pairs.next();
            plain.put(String.valueOf(fromModel(pair.getKey())), fromModel(pair.getValue()));
        }
        return plain;
    }

    private static void checkSize(int size) {
        if (size > Limits.MAX_ELEMENTS) {
            throw new RenderProblem("a sequence of more than " + Limits.MAX_ELEMENTS + " elements cannot be used");
        }
    }
}
