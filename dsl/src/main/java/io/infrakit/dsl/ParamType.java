package io.infrakit.dsl;

/** The type of a playbook parameter, declared in the script as a class: {@code param 'size', Integer}. */
public enum ParamType {
    STRING("a string"),
    INTEGER("an integer"),
    DECIMAL("a number"),
    BOOLEAN("true or false"),
    /** A list of strings; comma separated on the command line. */
    LIST("a comma separated list"),
    /** A Go-style duration such as {@code 10s} or {@code 1m30s}, as a {@link java.time.Duration}. */
    DURATION("a duration such as 10s or 1m30s");

    private final String expected;

    ParamType(String expected) {
        this.expected = expected;
    }

    /** What a value of this type looks like, for messages: "expects an integer". */
    public String expected() {
        return expected;
    }
}
