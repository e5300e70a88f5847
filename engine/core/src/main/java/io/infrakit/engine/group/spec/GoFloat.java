package io.infrakit.engine.group.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A {@code float64} as Go's {@code encoding/json} writes it: the shortest digits that read back as the same double,
 * plain ({@code 100}, {@code 0.000001}) unless the magnitude is below 1e-6 or at least 1e21, then in exponent form
 * with a two-digit minimum exponent except that a negative one loses its leading zero ({@code 1e+21}, {@code 1e-7}).
 */
final class GoFloat {

    private static final double EXPONENT_BELOW = 1e-6;
    private static final double EXPONENT_FROM = 1e21;

    private GoFloat() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the number " + value + " is beyond a float64");
        }
        if (value == 0) {
            // -0 keeps its sign: Go prints it as -0.
            return (Double.doubleToRawLongBits(value) < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortest(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int pointAt = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude < EXPONENT_BELOW || magnitude >= EXPONENT_FROM) {
            return sign + exponentForm(digits, pointAt - 1);
        }
        return sign + plainForm(digits, pointAt);
    }

    private static String exponentForm(String digits, int exponent) {
        StringBuilder text = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        // strconv pads the exponent to two digits, encoding/json strips that pad again from e-07; positive
        // exponents here are 21 or more, so no pad is ever left.
        return text.append(Math.abs(exponent)).toString();
    }

    private static String plainForm(String digits, int pointAt) {
        if (pointAt <= 0) {
            return "0." + "0".repeat(-pointAt) + digits;
        }
        if (pointAt >= digits.length()) {
            return digits + "0".repeat(pointAt - digits.length());
        }
        return digits.substring(0, pointAt) + "." + digits.substring(pointAt);
    }

    /** The fewest significant digits that parse back to {@code value}; of two such, the nearer one. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (readsBackAs(nearest, value)) {
                return nearest;
            }
            // Next to a power of two the interval that reads back is lopsided: the far neighbour may fit instead.
            for (RoundingMode direction : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN}) {
                BigDecimal neighbour = exact.round(new MathContext(precision, direction));
                if (readsBackAs(neighbour, value)) {
                    return neighbour;
                }
            }
        }
        return exact.round(MathContext.DECIMAL64);
    }

    private static boolean readsBackAs(BigDecimal decimal, double value) {
        return Double.parseDouble(decimal.toString()) == value;
    }
}
