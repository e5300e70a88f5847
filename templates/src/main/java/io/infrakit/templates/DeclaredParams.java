package io.infrakit.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters a render's templates declared with param(), first declaration of each name kept. */
final class DeclaredParams {

    private final Map<String, TemplateParam> byName = new LinkedHashMap<>();

    void declare(TemplateParam param) {
        byName.putIfAbsent(param.name(), param);
    }

    List<TemplateParam> list() {
        return List.copyOf(byName.values());
    }
}
