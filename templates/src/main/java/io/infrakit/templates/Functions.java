package io.infrakit.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The InfraKit functions every template can call, by name. */
final class Functions {

    private Functions() {
    }

    static Map<String, FunctionModel> all() {
        List<FunctionModel> functions = List.of(
                new FunctionModel("include", 1, 2, TemplateFunctions::include),
                new FunctionModel("source", 1, 1, TemplateFunctions::source),
                new FunctionModel("var", 1, 2, VariableFunctions::var),
                new FunctionModel("param", 2, 4, VariableFunctions::param),
                new FunctionModel("env", 1, 2, VariableFunctions::env),
                new FunctionModel("fetch", 1, 1, ContentFunctions::fetch),
                new FunctionModel("file", 1, 1, ContentFunctions::file),
                new FunctionModel("jsonEncode", 1, 1, CodecFunctions::jsonEncode),
                new FunctionModel("jsonDecode", 1, 1, CodecFunctions::jsonDecode),
                new FunctionModel("yamlEncode", 1, 1, CodecFunctions::yamlEncode),
                new FunctionModel("yamlDecode", 1, 1, CodecFunctions::yamlDecode),
                new FunctionModel("sha256", 1, 1, CodecFunctions::sha256),
                new FunctionModel("base64", 1, 1, CodecFunctions::base64),
                new FunctionModel("base64Decode", 1, 1, CodecFunctions::base64Decode));
        Map<String, FunctionModel> byName = new LinkedHashMap<>();
        functions.forEach(function -> byName.put(function.name(), function));
        return byName;
    }
}
