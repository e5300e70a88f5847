package io.infrakit.dsl.internal;

import io.infrakit.dsl.Param;
import io.infrakit.common.Redactor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of a playbook's secret parameters, as a {@link Redactor} that masks them wherever they are shown. */
public final class ParamSecrets {

    private ParamSecrets() {
    }

    /**
     * @param values typed values or command-line strings by parameter name; a secret parameter without one masks
     *               its default
     */
    public static Redactor of(List<Param> params, Map<String, ?> values) {
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        for (Param param : params) {
            Object value = values.get(param.name()) != null ? values.get(param.name()) : param.defaultValue();
            if (param.secret() && value != null) {
                secrets.put(param.name(), texts(value));
            }
        }
        return Redactor.of(secrets);
    }

    /** The value as a user would type it and, for a list, each element: a template may print either. */
    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        texts.add(ParamCoercion.format(value));
        if (value instanceof Collection<?> elements) {
            elements.forEach(element -> texts.add(String.valueOf(element)));
        } else if (value instanceof CharSequence text && text.toString().contains(",")) {
            for (String element : text.toString().split(",")) {
                texts.add(element.strip());
            }
        }
        return texts;
    }
}
