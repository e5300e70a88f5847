package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;
import io.infrakit.spi.metadata.MetadataChange;
import io.infrakit.spi.metadata.MetadataPath;

import java.util.List;

/**
 * The params and results of {@code Updatable.*} ({@code Updatable/0.1.1}), shaped as InfraKit's Go types in
 * pkg/rpc/metadata: every message carries the plugin {@code Name} that routes it ({@code mystack/vars}), a path
 * travels as one string ({@code a/b/c}, {@code .} for the root), and a value as raw JSON.
 */
final class MetadataMessages {

    private MetadataMessages() {
    }

    record KeysRequest(@JsonProperty("Name") String name, @JsonProperty("Path") MetadataPath path) {
        KeysRequest {
            path = path == null ? MetadataPath.ROOT : path;
        }
    }

    /** {@code Nodes} is null when nothing is at the path, as a Go nil slice. */
    record KeysResponse(@JsonProperty("Name") String name, @JsonProperty("Nodes") List<String> nodes) {
    }

    record GetRequest(@JsonProperty("Name") String name, @JsonProperty("Path") MetadataPath path) {
        GetRequest {
            path = path == null ? MetadataPath.ROOT : path;
        }
    }

    record GetResponse(@JsonProperty("Name") String name, @JsonProperty("Value") Any value) {
    }

    record Change(@JsonProperty("Path") MetadataPath path, @JsonProperty("Value") Any value) {
        MetadataChange toChange() {
            return new MetadataChange(path, value);
        }
    }

    record ChangesRequest(@JsonProperty("Name") String name, @JsonProperty("Changes") List<Change> changes) {
        ChangesRequest {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    record ChangesResponse(@JsonProperty("Name") String name,
                           @JsonProperty("Original") Any original,
                           @JsonProperty("Proposed") Any proposed,
                           @JsonProperty("Cas") String cas) {
    }

    record CommitRequest(@JsonProperty("Name") String name,
                         @JsonProperty("Proposed") Any proposed,
                         @JsonProperty("Cas") String cas) {
        CommitRequest {
            proposed = proposed == null ? Any.empty() : proposed;
            cas = cas == null ? "" : cas;
        }
    }

    record CommitResponse(@JsonProperty("Name") String name) {
    }
}
