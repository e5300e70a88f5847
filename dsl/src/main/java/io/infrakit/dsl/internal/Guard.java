package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import groovy.lang.Range;
import org.codehaus.groovy.runtime.FormatHelper;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run-time half of the sandbox: {@link GuardTransformer} routes the script's calls, property reads, index
 * operations, multiplications, shifts, regular expressions and ranges through these methods. They refuse receivers
 * outside {@link AllowedTypes}, index keys that are {@link DeniedNames}, and results so large that building them
 * would be one uninterruptible allocation; they match regular expressions so that an interrupt stops them.
 */
public final class Guard {

    private Guard() {
    }

    /** The receiver of a call or property access, if a script may use it. */
    public static Object receiver(Object target) {
        if (target != null && !AllowedTypes.isReceiver(target)) {
            String what = target instanceof Class<?> type ? "class " + type.getName() : target.getClass().getName();
            throw new ScriptError("using " + what + " is not allowed in a playbook");
        }
        return target;
    }

    /** The receiver of a spread call ({@code list*.name}): the collection and each of its elements. */
    public static Object receivers(Object target) {
        receiver(target);
        if (target != null) {
            for (Iterator<?> elements = InvokerHelper.asIterator(target); elements.hasNext(); ) {
                receiver(elements.next());
            }
        }
        return target;
    }

    /** A key of the {@code []} operator, which Groovy turns into a property access on most objects. */
    public static Object key(Object key) {
        if (key instanceof CharSequence name && DeniedNames.contains(name.toString())) {
            throw new ScriptError("'" + name + "' is not allowed");
        }
        return key;
    }

    /** An argument of {@code new ArrayList(n)} and the like, which would otherwise allocate {@code n} at once. */
    public static Object capacity(Object argument) {
        if (argument instanceof Number) {
            ResultSizes.checkElements(ResultSizes.count(argument));
        }
        return argument;
    }

    /** {@code left * right}. */
    public static Object multiply(Object left, Object right) {
        return call(left, "multiply", false, false, List.of(right));
    }

    /** {@code left ** right}. */
    public static Object power(Object left, Object right) {
        return call(left, "power", false, false, List.of(right));
    }

    /** {@code left << right}: a BigInteger shifted by a huge count is one huge allocation. */
    public static Object leftShift(Object left, Object right) {
        return call(left, "leftShift", false, false, List.of(right));
    }

    /** {@code text =~ pattern}, matching interruptibly. */
    public static Matcher findRegex(Object text, Object regex) {
        return pattern(regex).matcher(new InterruptibleText(FormatHelper.toString(text)));
    }

    /** {@code text ==~ pattern}, matching interruptibly. */
    public static boolean matchRegex(Object text, Object regex) {
        if (text == null || regex == null) {
            return false;
        }
        return pattern(regex).matcher(new InterruptibleText(FormatHelper.toString(text))).matches();
    }

    /**
     * {@code value as Type}. Coercing a map or closure to an interface or abstract class makes Groovy generate a
     * proxy class, a new one for each set of keys; a script may not fill the JVM with those.
     */
    public static Object asType(Object value, Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        receiver(element);
        boolean generatesProxy = (value instanceof Map<?, ?> || value instanceof Closure<?>) && !type.isInstance(value)
                && (type.isInterface() || Modifier.isAbstract(type.getModifiers())) && !type.isPrimitive();
        if (generatesProxy) {
            throw new ScriptError("coercing a map or closure to " + type.getSimpleName() + " is not allowed");
        }
        return InvokerHelper.invokeMethod(value, "asType", type);
    }

    /** A range literal, refused when it spans more elements than a script may materialise. */
    public static Object range(Object range) {
        Range<?> checked = (Range<?>) range;
        ResultSizes.checkElements(RangeSize.of(checked));
        return checked;
    }

    /** A call to one of the methods whose result size depends on an argument ({@link GuardTransformer#SIZED}). */
    public static Object call(Object target, String name, boolean safe, boolean spread, List<?> arguments) {
        Object[] values = arguments.toArray();
        if (target == null && (safe || spread)) {
            return null;
        }
        if (!spread) {
            return checkedCall(target, name, values);
        }
        List<Object> results = new ArrayList<>();
        for (Iterator<?> elements = InvokerHelper.asIterator(receiver(target)); elements.hasNext(); ) {
            Object element = elements.next();
            results.add(element == null ? null : checkedCall(element, name, values));
        }
        return results;
    }

    private static Object checkedCall(Object target, String name, Object[] arguments) {
        receiver(target);
        ResultSizes.check(target, name, arguments);
        return InvokerHelper.invokeMethod(target, name, arguments);
    }

    private static Pattern pattern(Object regex) {
        return regex instanceof Pattern compiled ? compiled : Pattern.compile(FormatHelper.toString(regex));
    }
}
