package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.controller.Plan;

import java.util.List;

/**
 * The params and results of {@code Controller.*}, as InfraKit's {@code pkg/rpc/controller}: {@code Name} is the
 * full plugin name the client addressed ({@code group/workers}); the server routes on its type part.
 */
final class ControllerMessages {

    private ControllerMessages() {
    }

    /** Plan and Commit; a missing {@code Operation} is Go's zero value, Enforce. */
    record ChangeRequest(@JsonProperty("Name") String name,
                         @JsonProperty("Operation") Operation operation,
                         @JsonProperty("Spec") ObjectSpec spec) {
        ChangeRequest {
            name = Wire.orDefault(name);
            operation = operation == null ? Operation.ENFORCE : operation;
            Wire.require(spec, "Spec");
        }
    }

    record ChangeResponse(@JsonProperty("Name") String name,
                          @JsonProperty("Object") ManagedObject object,
                          @JsonProperty("Plan") Plan plan) {
        ChangeResponse {
            plan = plan == null ? Plan.of() : plan;
        }
    }

    /** Describe and Free; {@code Metadata} null (as Go sends a nil pointer) asks for everything. */
    record FindRequest(@JsonProperty("Name") String name, @JsonProperty("Metadata") Metadata metadata) {
        FindRequest {
            name = Wire.orDefault(name);
        }

        static FindRequest of(String name, Metadata search) {
            return new FindRequest(name, search.isAny() ? null : search);
        }

        Metadata search() {
            return metadata == null ? Metadata.ANY : metadata;
        }
    }

    record FindResponse(@JsonProperty("Name") String name, @JsonProperty("Objects") List<ManagedObject> objects) {
        FindResponse {
            objects = objects == null ? List.of() : List.copyOf(objects);
        }
    }
}
