package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Something attached to an instance when it is created, such as a volume: {@code {"ID":"vol-1","Type":"ebs"}}. */
public record Attachment(@JsonProperty("ID") String id, @JsonProperty("Type") String type) {
}
