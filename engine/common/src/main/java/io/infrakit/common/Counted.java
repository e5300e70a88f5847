package io.infrakit.common;

/** A count and its noun as a sentence says them: "1 instance", "3 instances", "0 instances". */
public final class Counted {

    private Counted() {
    }

    /** @param singular a noun whose plural takes an s */
    public static String of(long count, String singular) {
        return count + " " + singular + (count == 1 ? "" : "s");
    }
}
