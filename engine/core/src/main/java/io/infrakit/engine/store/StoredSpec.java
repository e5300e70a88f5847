package io.infrakit.engine.store;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/** One entry of InfraKit's global spec document: {@code {Key:{Kind,Name}, Record:{Handler, Spec}}}. */
public record StoredSpec(@JsonProperty("Key") SpecKey key, @JsonProperty("Record") SpecRecord record) {

    public StoredSpec {
        Objects.requireNonNull(key, "Key");
        Objects.requireNonNull(record, "Record");
    }
}
