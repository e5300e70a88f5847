package io.infrakit.dsl.internal;

import java.util.Set;

/**
 * Method, property and variable names a playbook may not use on anything, because they reach reflection, class
 * loading, metaprogramming, processes, threads, files, the network or the JVM itself. Checked when the script
 * compiles and again at run time for keys of the {@code []} operator.
 */
public final class DeniedNames {

    private static final Set<String> NAMES = Set.of(
            // reflection and class loading
            "class", "getClass", "forName", "newInstance", "classLoader", "getClassLoader", "loadClass",
            "declaredMethods", "getDeclaredMethods", "getDeclaredMethod", "methods", "getMethods", "getMethod",
            "declaredFields", "getDeclaredFields", "getDeclaredField", "fields", "getFields", "getField",
            "declaredConstructors", "getDeclaredConstructors", "getDeclaredConstructor", "constructors",
            "getConstructors", "getConstructor", "declaredClasses", "getDeclaredClasses", "classes", "getClasses",
            "invoke", "invokeMethod", "invokeStaticMethod", "resource", "getResource", "getResourceAsStream",
            "getResources", "module", "getModule", "protectionDomain", "getProtectionDomain", "package", "getPackage",
            "superclass", "getSuperclass", "genericSuperclass", "getGenericSuperclass", "interfaces", "getInterfaces",
            "genericInterfaces", "getGenericInterfaces", "declaringClass", "getDeclaringClass", "enclosingClass",
            "getEnclosingClass", "enclosingMethod", "getEnclosingMethod", "enclosingConstructor",
            "getEnclosingConstructor", "nestHost", "getNestHost", "nestMembers", "getNestMembers",
            "permittedSubclasses", "getPermittedSubclasses", "recordComponents", "getRecordComponents",
            "componentType", "getComponentType", "arrayType", "theClass", "getTheClass",
            // metaprogramming: metaclasses, dynamic property access, categories, mixins
            "metaClass", "getMetaClass", "setMetaClass", "getProperty", "setProperty", "properties", "getProperties",
            "metaPropertyValues", "getMetaPropertyValues", "respondsTo", "hasProperty", "mixin", "use", "getAt",
            "putAt", "methodMissing", "propertyMissing",
            // asType(Class) constructs any class it is given (the 'as' operator is checked instead); withTraits
            // makes proxy classes
            "asType", "withTraits",
            // where a closure sends its calls: some closures (Closure.IDENTITY) are shared by the whole JVM
            "delegate", "getDelegate", "setDelegate", "resolveStrategy", "getResolveStrategy", "setResolveStrategy",
            "directive", "getDirective", "setDirective", "rehydrate", "dehydrate",
            // the script's own machinery: its binding and other ways to run code
            "binding", "getBinding", "setBinding", "evaluate", "run",
            // processes, threads, the JVM
            "execute", "exec", "sleep", "exit", "halt", "addShutdownHook", "getenv",
            "getInteger", "getLong", "getBoolean",
            // files and the network
            "toURL", "toURI");

    /**
     * Names a script may not read as a variable. Other variables resolve through the script's own getProperty,
     * which knows only parameters and assigned variables; these a closure answers itself.
     */
    private static final Set<String> VARIABLES =
            Set.of("class", "metaClass", "binding", "delegate", "resolveStrategy", "directive");

    private DeniedNames() {
    }

    /** Whether a script may not use {@code name} as a method or property name. */
    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** Whether a script may not read {@code name} as a variable. */
    public static boolean isVariable(String name) {
        return VARIABLES.contains(name);
    }
}
