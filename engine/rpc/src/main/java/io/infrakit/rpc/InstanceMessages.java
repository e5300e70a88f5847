package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.List;
import java.util.Map;

/** The params and results of {@code Instance.*}, keyed as InfraKit's Go plugins key them. */
final class InstanceMessages {

    private InstanceMessages() {
    }

    record ValidateRequest(@JsonProperty("Type") String type, @JsonProperty("Properties") Any properties) {
        ValidateRequest {
            type = Wire.orDefault(type);
            properties = Wire.orEmpty(properties);
        }
    }

    record ProvisionRequest(@JsonProperty("Type") String type, @JsonProperty("Spec") InstanceSpec spec) {
        ProvisionRequest {
            type = Wire.orDefault(type);
            spec = spec == null ? InstanceSpec.of(Any.empty(), Map.of()) : spec;
        }
    }

    record ProvisionResponse(@JsonProperty("Type") String type, @JsonProperty("ID") InstanceId id) {
    }

    record LabelRequest(@JsonProperty("Type") String type,
                        @JsonProperty("Instance") InstanceId instance,
                        @JsonProperty("Labels") Map<String, String> labels) {
        LabelRequest {
            type = Wire.orDefault(type);
            Wire.require(instance, "Instance");
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    record DestroyRequest(@JsonProperty("Type") String type,
                          @JsonProperty("Instance") InstanceId instance,
                          @JsonProperty("Context") DestroyContext context) {
        DestroyRequest {
            type = Wire.orDefault(type);
            Wire.require(instance, "Instance");
            // Instance/0.5.0 clients send no Context; the plugin then sees a plain termination.
            context = context == null ? new DestroyContext(DestroyReason.TERMINATE) : context;
        }
    }

    record DestroyContext(@JsonProperty("Reason") DestroyReason reason) {
        DestroyContext {
            reason = reason == null ? DestroyReason.TERMINATE : reason;
        }
    }

    record DescribeRequest(@JsonProperty("Type") String type,
                           @JsonProperty("Tags") Map<String, String> tags,
                           @JsonProperty("Properties") boolean properties) {
        DescribeRequest {
            type = Wire.orDefault(type);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    record DescribeResponse(@JsonProperty("Type") String type,
                            @JsonProperty("Descriptions") List<InstanceDescription> descriptions) {
        DescribeResponse {
            descriptions = descriptions == null ? List.of() : List.copyOf(descriptions);
        }
    }

    record OkResponse(@JsonProperty("Type") String type, @JsonProperty("OK") boolean ok) {
    }
}
