package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.Map;

/** The params and results of {@code Flavor.*}, keyed as InfraKit's Go plugins key them. */
final class FlavorMessages {

    private FlavorMessages() {
    }

    record ValidateRequest(@JsonProperty("Type") String type,
                           @JsonProperty("Properties") Any properties,
                           @JsonProperty("Allocation") Allocation allocation) {
        ValidateRequest {
            type = Wire.orDefault(type);
            properties = Wire.orEmpty(properties);
            allocation = orNoAllocation(allocation);
        }
    }

    record PrepareRequest(@JsonProperty("Type") String type,
                          @JsonProperty("Properties") Any properties,
                          @JsonProperty("Spec") InstanceSpec spec,
                          @JsonProperty("Allocation") Allocation allocation,
                          @JsonProperty("Index") Index index) {
        PrepareRequest {
            type = Wire.orDefault(type);
            properties = Wire.orEmpty(properties);
            spec = spec == null ? InstanceSpec.of(Any.empty(), Map.of()) : spec;
            allocation = orNoAllocation(allocation);
            index = index == null ? new Index("", 0) : index;
        }
    }

    record PrepareResponse(@JsonProperty("Type") String type, @JsonProperty("Spec") InstanceSpec spec) {
    }

    /** Healthy and Drain both name one instance. */
    record InstanceRequest(@JsonProperty("Type") String type,
                           @JsonProperty("Properties") Any properties,
                           @JsonProperty("Instance") InstanceDescription instance) {
        InstanceRequest {
            type = Wire.orDefault(type);
            properties = Wire.orEmpty(properties);
            Wire.require(instance, "Instance");
        }
    }

    record HealthResponse(@JsonProperty("Type") String type, @JsonProperty("Health") Health health) {
    }

    record OkResponse(@JsonProperty("Type") String type, @JsonProperty("OK") boolean ok) {
    }

    private static Allocation orNoAllocation(Allocation allocation) {
        return allocation == null ? Allocation.ofSize(0) : allocation;
    }
}
