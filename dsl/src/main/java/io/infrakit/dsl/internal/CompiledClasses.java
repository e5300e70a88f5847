package io.infrakit.dsl.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bytecode one compile of a script produced: the script class first, then its closures. */
record CompiledClasses(String scriptClass, Map<String, byte[]> bytecode) {

    CompiledClasses {
        bytecode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bytecode));
    }

    /** Defines every class in a loader of its own, so each evaluation gets a fresh one. */
    Class<? extends PlaybookScript> define(ClassLoader parent) {
        ScriptLoader loader = new ScriptLoader(parent);
        bytecode.forEach(loader::define);
        try {
            return loader.loadClass(scriptClass).asSubclass(PlaybookScript.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the compiled script has no class " + scriptClass, e);
        }
    }

    private static final class ScriptLoader extends ClassLoader {

        ScriptLoader(ClassLoader parent) {
            super(parent);
        }

        void define(String name, byte[] bytes) {
            defineClass(name, bytes, 0, bytes.length);
        }
    }
}
