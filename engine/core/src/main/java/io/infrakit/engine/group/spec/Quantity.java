package io.infrakit.engine.group.spec;

/** A number of instances written either as an integer ({@code 2}) or as a percentage of the group ({@code "25%"}). */
public record Quantity(int value, boolean percent) {

    public Quantity {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (percent && value > 100) {
            throw new IllegalArgumentException(value + "% is more than 100%");
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value, false);
    }

    public static Quantity percent(int value) {
        return new Quantity(value, true);
    }

    /** The number of instances this means in a group of {@code total}; a percentage rounds up or down as asked. */
    public int resolve(int total, boolean roundUp) {
        if (!percent) {
            return value;
        }
        long scaled = (long) total * value;
        return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public String toString() {
        return percent ? value + "%" : Integer.toString(value);
    }
}
