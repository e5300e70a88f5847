package io.infrakit.dsl;

import io.infrakit.dsl.internal.ParamCoercion;
import io.infrakit.common.Redactor;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A parameter a playbook declares. {@code defaultValue} and {@code prompt} are null when the script gives none,
 * {@code description} is empty then; {@code choices} are typed like the value; {@code line} is where the script
 * declares it.
 */
public record Param(String name, ParamType type, Object defaultValue, String description, String prompt,
                    List<Object> choices, boolean secret, int line) implements Serializable {

    /** What is shown instead of a secret value. */
    public static final String MASK = Redactor.MASK;

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    /** Whether a value must be given: there is no default. */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * The typed value of a command-line string: {@code "3"} for an INTEGER is 3, {@code "a,b"} for a LIST is
     * [a, b], {@code "1m30s"} for a DURATION is 90 seconds. Throws {@link DslException} such as
     * {@code parameter 'size' expects an integer, got 'abc'} (the value as errors show it, see
     * {@link ParamCoercion#inMessage}).
     */
    public Object convert(String raw) {
        return ParamCoercion.convert(this, raw);
    }

    /** A value as the user would type it, or {@link #MASK} for a secret parameter. */
    public String display(Object value) {
        return secret ? MASK : ParamCoercion.format(value);
    }
}
