package io.infrakit.dsl;

import io.infrakit.dsl.internal.PlainValues;

import java.util.Map;

/** A spec written as a map in the script: {@code group 'x', [ID: 'x', Properties: [...]]}. */
public record InlineSpec(Map<String, Object> spec) implements SpecSource {

    public InlineSpec {
        spec = PlainValues.freeze(spec);
    }
}
