package io.infrakit.dsl.internal;

import groovy.lang.IntRange;
import groovy.lang.Range;

import java.math.BigDecimal;

/** How many elements a range literal would hold if a script turned it into a list, without iterating it. */
final class RangeSize {

    private RangeSize() {
    }

    static long of(Range<?> range) {
        if (range instanceof IntRange ints) {
            return ints.size();
        }
        Object from = range.getFrom();
        Object to = range.getTo();
        if (from instanceof Number low && to instanceof Number high) {
            return numberSpan(low, high);
        }
        Integer low = character(from);
        Integer high = character(to);
        if (low == null || high == null) {
            throw new ScriptError("a range must go between numbers or single characters");
        }
        return Math.abs(high - low) + 1L;
    }

    private static long numberSpan(Number low, Number high) {
        try {
            BigDecimal span = new BigDecimal(high.toString()).subtract(new BigDecimal(low.toString())).abs();
            return span.compareTo(BigDecimal.valueOf(Long.MAX_VALUE - 1)) >= 0 ? Long.MAX_VALUE
                    : span.longValue() + 1;
        } catch (NumberFormatException infiniteOrNaN) {
            return Long.MAX_VALUE;
        }
    }

    private static Integer character(Object value) {
        if (value instanceof Character c) {
            return (int) c;
        }
        if (value instanceof CharSequence text && text.length() == 1) {
            return (int) text.charAt(0);
        }
        return null;
    }
}
