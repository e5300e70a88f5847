package io.infrakit.dsl.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates, before the call, how large the result of a size-multiplying method would be
 * ({@link GuardTransformer#SIZED}), and refuses results over the limits: one such call is a single allocation
 * that no interrupt check can stop.
 */
final class ResultSizes {

    static final long MAX_STRING_CHARS = 16L * 1024 * 1024;
    static final long MAX_ELEMENTS = 1024L * 1024;
    static final long MAX_NUMBER_BITS = 1024L * 1024;

    private static final Pattern FORMAT_SPECIFIER =
            Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d+)?(?:\\.(\\d+))?[a-zA-Z%]");

    private ResultSizes() {
    }

    static void check(Object target, String name, Object[] arguments) {
        Object first = arguments.length > 0 ? arguments[0] : null;
        switch (name) {
            case "multiply", "repeat" -> {
                if (target instanceof CharSequence text) {
                    checkChars(saturatedProduct(text.length(), count(first)));
                } else if (target instanceof Collection<?> list) {
                    checkElements(saturatedProduct(list.size(), count(first)));
                }
            }
            case "padLeft", "padRight", "center" -> {
                if (target instanceof CharSequence) {
                    checkChars(count(first));
                }
            }
            case "expand", "expandLine" -> {
                if (target instanceof CharSequence text) {
                    checkChars(saturatedProduct(text.length(), count(first)));
                }
            }
            case "power", "pow" -> checkPower(target, first);
            case "leftShift", "shiftLeft" -> {
                if (target instanceof BigInteger && first instanceof Number) {
                    checkBits(bitLength(target) + Math.min(count(first), MAX_NUMBER_BITS + 1));
                }
            }
            case "setScale" -> {
                if (target instanceof BigDecimal decimal && first instanceof Number scale) {
                    // Each decimal digit of scale added is about 3.33 bits more of unscaled value.
                    long added = Math.max(0, count(scale) - decimal.scale());
                    checkBits(bitLength(target) + saturatedProduct(added, 4));
                }
            }
            case "format", "sprintf", "printf" -> {
                for (Object argument : arguments) {
                    if (argument instanceof CharSequence format) {
                        checkFormat(format);
                        break;
                    }
                }
            }
            case "formatted" -> {
                if (target instanceof CharSequence format) {
                    checkFormat(format);
                }
            }
            case "permutations" -> checkElements(factorial(sizeOf(target)));
            case "subsequences" -> checkElements(sizeOf(target) >= 62 ? Long.MAX_VALUE : 1L << sizeOf(target));
            case "inits", "tails" -> checkElements(saturatedProduct(sizeOf(target), sizeOf(target) + 1) / 2);
            case "combinations" -> checkElements(combinationCount(target));
            default -> {
            }
        }
    }

    private static void checkFormat(CharSequence format) {
        Matcher specifier = FORMAT_SPECIFIER.matcher(format);
        while (specifier.find()) {
            for (int group = 1; group <= 2; group++) {
                String digits = specifier.group(group);
                long width = digits == null ? 0 : digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
                if (width > MAX_STRING_CHARS) {
                    throw new ScriptError("format width too large (" + width + "; limit " + MAX_STRING_CHARS + ")");
                }
            }
        }
    }

    private static void checkPower(Object base, Object exponent) {
        if (!(exponent instanceof Integer || exponent instanceof Long || exponent instanceof BigInteger)) {
            return;
        }
        long bits = bitLength(base);
        if (bits > 1) {
            checkBits(saturatedProduct(bits, count(exponent)));
        }
    }

    private static void checkBits(long bits) {
        if (bits > MAX_NUMBER_BITS) {
            throw new ScriptError("number too large (about " + bits + " bits; limit " + MAX_NUMBER_BITS + ")");
        }
    }

    private static long bitLength(Object number) {
        if (number instanceof BigInteger big) {
            return big.abs().bitLength();
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.unscaledValue().abs().bitLength();
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            long value = Math.abs(((Number) number).longValue());
            return 64 - Long.numberOfLeadingZeros(value);
        }
        return 0;
    }

    private static long combinationCount(Object target) {
        if (!(target instanceof Collection<?> lists)) {
            return 0;
        }
        long count = 1;
        for (Object element : lists) {
            count = saturatedProduct(count, Math.max(1, sizeOf(element)));
        }
        return count;
    }

    private static void checkChars(long chars) {
        if (chars > MAX_STRING_CHARS) {
            throw new ScriptError("string too large (" + chars + " characters; limit " + MAX_STRING_CHARS + ")");
        }
    }

    static void checkElements(long elements) {
        if (elements > MAX_ELEMENTS) {
            throw new ScriptError("list too large (" + elements + " elements; limit " + MAX_ELEMENTS + ")");
        }
    }

    private static long sizeOf(Object target) {
        if (target instanceof Collection<?> collection) {
            return collection.size();
        }
        if (target instanceof CharSequence text) {
            return text.length();
        }
        return 0;
    }

    private static long factorial(long n) {
        long result = 1;
        for (long i = 2; i <= n && result <= MAX_ELEMENTS; i++) {
            result = saturatedProduct(result, i);
        }
        return result;
    }

    /** A count argument as a long: 0 if it is not a number or negative, Long.MAX_VALUE if it does not fit. */
    static long count(Object value) {
        if (!(value instanceof Number number)) {
            return 0;
        }
        if (number instanceof BigInteger || number instanceof BigDecimal) {
            BigDecimal exact = new BigDecimal(number.toString());
            return exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
                    : Math.max(0, exact.longValue());
        }
        return Math.max(0, number.longValue());
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }
}
