package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.instance.InstanceId;

import java.util.List;

/**
 * The params and results of {@code Group.*}. Every message carries {@code Name}, the full plugin name the
 * client addressed ({@code group/workers}); the server routes on its type part.
 */
final class GroupMessages {

    private GroupMessages() {
    }

    record CommitRequest(@JsonProperty("Name") String name,
                         @JsonProperty("Spec") GroupSpec spec,
                         @JsonProperty("Pretend") boolean pretend) {
        CommitRequest {
            name = Wire.orDefault(name);
            Wire.require(spec, "Spec");
        }
    }

    record CommitResponse(@JsonProperty("Name") String name,
                          @JsonProperty("ID") GroupId id,
                          @JsonProperty("Details") String details) {
    }

    /** FreeGroup, DestroyGroup, DescribeGroup and Size name one group. */
    record IdRequest(@JsonProperty("Name") String name, @JsonProperty("ID") GroupId id) {
        IdRequest {
            name = Wire.orDefault(name);
            Wire.require(id, "ID");
        }
    }

    record IdResponse(@JsonProperty("Name") String name, @JsonProperty("ID") GroupId id) {
    }

    record DescribeResponse(@JsonProperty("Name") String name,
                            @JsonProperty("ID") GroupId id,
                            @JsonProperty("Description") GroupDescription description) {
    }

    /** {@code ID} is empty, as InfraKit's own client sends it: every group the addressed object has is listed. */
    record InspectRequest(@JsonProperty("Name") String name, @JsonProperty("ID") String id) {
        InspectRequest {
            name = Wire.orDefault(name);
            id = id == null ? "" : id;
        }
    }

    /**
     * As InfraKit writes it: {@code ID} is always {@code ""} (the request names no group), and {@code Groups} is
     * {@code null}, not {@code []}, when there are none.
     */
    record InspectResponse(@JsonProperty("Name") String name,
                           @JsonProperty("ID") String id,
                           @JsonProperty("Groups") List<GroupSpec> groups) {
        InspectResponse {
            id = id == null ? "" : id;
            groups = groups == null || groups.isEmpty() ? null : List.copyOf(groups);
        }

        static InspectResponse of(String name, List<GroupSpec> groups) {
            return new InspectResponse(name, "", groups);
        }

        List<GroupSpec> groupsOrEmpty() {
            return groups == null ? List.of() : groups;
        }
    }

    record DestroyInstancesRequest(@JsonProperty("Name") String name,
                                   @JsonProperty("ID") GroupId id,
                                   @JsonProperty("Instances") List<InstanceId> instances) {
        DestroyInstancesRequest {
            name = Wire.orDefault(name);
            Wire.require(id, "ID");
            instances = instances == null ? List.of() : List.copyOf(instances);
        }
    }

    record SizeResponse(@JsonProperty("Name") String name,
                        @JsonProperty("ID") GroupId id,
                        @JsonProperty("Size") int size) {
    }

    record SetSizeRequest(@JsonProperty("Name") String name,
                          @JsonProperty("ID") GroupId id,
                          @JsonProperty("Size") int size) {
        SetSizeRequest {
            name = Wire.orDefault(name);
            Wire.require(id, "ID");
        }
    }

    /** The answer to {@code Rollout.Status}: our extension, not part of InfraKit's Group SPI. */
    record StatusResponse(@JsonProperty("Name") String name,
                          @JsonProperty("ID") GroupId id,
                          @JsonProperty("Status") GroupStatus status) {
    }

    record HistoryResponse(@JsonProperty("Name") String name,
                           @JsonProperty("ID") GroupId id,
                           @JsonProperty("Revisions") List<Revision> revisions) {
        HistoryResponse {
            revisions = revisions == null ? List.of() : List.copyOf(revisions);
        }
    }

    /** {@code To}: a revision ID or prefix; absent for the last revision proven healthy. */
    record RollbackRequest(@JsonProperty("Name") String name,
                           @JsonProperty("ID") GroupId id,
                           @JsonProperty("To") String to) {
        RollbackRequest {
            name = Wire.orDefault(name);
            Wire.require(id, "ID");
        }
    }

    record RollbackResponse(@JsonProperty("Name") String name,
                            @JsonProperty("ID") GroupId id,
                            @JsonProperty("Revision") Revision revision) {
    }

    record EventsRequest(@JsonProperty("Name") String name,
                         @JsonProperty("ID") GroupId id,
                         @JsonProperty("After") long after) {
        EventsRequest {
            name = Wire.orDefault(name);
            Wire.require(id, "ID");
        }
    }

    record EventsResponse(@JsonProperty("Name") String name,
                          @JsonProperty("ID") GroupId id,
                          @JsonProperty("Events") List<GroupEvent> events) {
        EventsResponse {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }
}
