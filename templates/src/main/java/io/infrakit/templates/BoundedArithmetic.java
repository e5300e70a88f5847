package io.infrakit.templates;

import freemarker.core.ArithmeticEngine;
import java.math.BigDecimal;

/**
 * Freemarker's decimal arithmetic, refusing numbers of more than {@link Limits#MAX_NUMBER_DIGITS} digits before or
 * after the point: squaring a number forty times, or {@code "1e999999999"?number}, would otherwise build numbers (and
 * their text) of gigabytes. Number literals are read through it too.
 */
final class BoundedArithmetic extends ArithmeticEngine.BigDecimalEngine {

    static final BoundedArithmetic INSTANCE = new BoundedArithmetic();

    private BoundedArithmetic() {
    }

    @Override
    public Number add(Number first, Number second) {
        return bounded(super.add(first, second));
    }

    @Override
    public Number subtract(Number first, Number second) {
        return bounded(super.subtract(first, second));
    }

    @Override
    public Number multiply(Number first, Number second) {
        return bounded(super.multiply(first, second));
    }

    @Override
    public Number divide(Number first, Number second) {
        return bounded(super.divide(first, second));
    }

    @Override
    public Number modulus(Number first, Number second) {
        return bounded(super.modulus(first, second));
    }

    @Override
    public Number toNumber(String text) {
        Number number = super.toNumber(text);
        if (number instanceof BigDecimal decimal && tooLarge(decimal)) {
            throw new RenderProblem("'" + abbreviated(text) + "' has more than " + Limits.MAX_NUMBER_DIGITS
                    + " digits");
        }
        return number;
    }

    private static Number bounded(Number number) {
        if (number instanceof BigDecimal decimal && tooLarge(decimal)) {
            throw new RenderProblem("a number of more than " + Limits.MAX_NUMBER_DIGITS + " digits");
        }
        return number;
    }

    private static boolean tooLarge(BigDecimal decimal) {
        long integerDigits = (long) decimal.precision() - decimal.scale();
        return integerDigits > Limits.MAX_NUMBER_DIGITS || decimal.scale() > Limits.MAX_NUMBER_DIGITS;
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
