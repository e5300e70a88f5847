package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.ObjectSpec;

import java.net.URI;
import java.util.List;

/** The params and results of {@code Manager.*} ({@code Stack/0.1.1}), shaped as InfraKit's Go manager sends them. */
final class ManagerMessages {

    private ManagerMessages() {
    }

    record IsLeaderResponse(@JsonProperty("Leader") boolean leader) {
    }

    record LeaderLocationResponse(@JsonProperty("Location") GoUrl location) {
    }

    record SpecsRequest(@JsonProperty("Specs") List<ObjectSpec> specs) {
        SpecsRequest {
            specs = specs == null ? List.of() : List.copyOf(specs);
        }
    }

    /** {@code Specs} is null when there are none, as a Go nil slice. */
    record SpecsResponse(@JsonProperty("Specs") List<ObjectSpec> specs) {
    }

    /** {@code Objects} is null when there are none, as a Go nil slice. */
    record InspectResponse(@JsonProperty("Objects") List<ManagedObject> objects) {
    }

    /**
     * A URL as Go's {@code encoding/json} writes a {@code *url.URL} (Go 1.19): the struct's fields, not a string.
     */
    @JsonPropertyOrder({"Scheme", "Opaque", "User", "Host", "Path", "RawPath", "OmitHost", "ForceQuery", "RawQuery",
            "Fragment", "RawFragment"})
    record GoUrl(@JsonProperty("Scheme") String scheme,
                 @JsonProperty("Opaque") String opaque,
                 @JsonProperty("User") Object user,
                 @JsonProperty("Host") String host,
                 @JsonProperty("Path") String path,
                 @JsonProperty("RawPath") String rawPath,
                 @JsonProperty("OmitHost") boolean omitHost,
                 @JsonProperty("ForceQuery") boolean forceQuery,
                 @JsonProperty("RawQuery") String rawQuery,
                 @JsonProperty("Fragment") String fragment,
                 @JsonProperty("RawFragment") String rawFragment) {

        static GoUrl of(URI uri) {
            return new GoUrl(text(uri.getScheme()), uri.isOpaque() ? text(uri.getSchemeSpecificPart()) : "", null,
                    text(uri.getRawAuthority()), text(uri.getPath()), "", false, false, text(uri.getRawQuery()),
                    text(uri.getFragment()), "");
        }

        private static String text(String part) {
            return part == null ? "" : part;
        }
    }
}
