package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import io.infrakit.dsl.ImageOutput;
import io.infrakit.dsl.TemplateSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The classes a playbook may name, create and call methods on. Everything else is out of its reach. */
public final class AllowedTypes {

    /** Classes a script may name: as a parameter type, in a cast, a declaration, a catch, or for static methods. */
    private static final Set<String> NAMEABLE = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "groovy.lang.GString",
            "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
            "java.lang.Float", "java.lang.Number", "java.math.BigDecimal", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Math", "java.time.Duration", "java.util.List", "java.util.Map", "java.util.Set",
            "java.util.Collection", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "groovy.lang.Closure", "groovy.lang.Range", "java.math.BigInteger",
            "java.lang.Exception", "java.lang.RuntimeException",
            "int", "long", "short", "byte", "double", "float", "boolean", "char", "void");

    /** Classes a script may create with {@code new}: plain collections. */
    private static final Set<Class<?>> CONSTRUCTIBLE = Set.of(
            ArrayList.class, LinkedList.class, HashMap.class, LinkedHashMap.class, TreeMap.class, HashSet.class,
            LinkedHashSet.class, TreeSet.class);

    /** Kinds of object a script may call methods on, read properties of, or index, checked when it runs. */
    private static final List<Class<?>> RECEIVERS = List.of(
            CharSequence.class, Number.class, Boolean.class, Character.class, Collection.class, Map.class,
            Map.Entry.class, Iterator.class, Closure.class, Pattern.class, Matcher.class, Duration.class,
            Throwable.class, PlaybookScript.class, ImageRef.class, ImageOutput.class, TemplateSpec.class);

    private static final ClassValue<Boolean> RECEIVER_ALLOWED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type.isArray()) {
                return type.getComponentType().isPrimitive() || get(type.getComponentType());
            }
            return RECEIVERS.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
        }
    };

    private AllowedTypes() {
    }

    /** The nameable classes, sorted, for Groovy's import allow-lists. */
    public static List<String> nameable() {
        return NAMEABLE.stream().sorted().toList();
    }

    public static boolean isNameable(String className) {
        return NAMEABLE.contains(className);
    }

    public static boolean isConstructible(String className) {
        return CONSTRUCTIBLE.stream().anyMatch(type -> type.getName().equals(className));
    }

    /** Whether a script may use {@code target} as a receiver: a value of an allowed kind, or a nameable class. */
    public static boolean isReceiver(Object target) {
        if (target instanceof Class<?> type) {
            return isNameable(type.getName());
        }
        return RECEIVER_ALLOWED.get(target.getClass());
    }
}
