package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One asynchronous QMP event, such as {@code {"event": "SHUTDOWN", "data": {"guest": true, "reason":
 * "guest-shutdown"}}}: its name and the scalar fields of its data, as text (nested objects are left out).
 */
record QmpEvent(String name, Map<String, String> data) {

    /** After these, describe's {@code Status} or a health check of the VM may say something else. */
    private static final Set<String> CHANGING = Set.of("SHUTDOWN", "RESET", "STOP", "RESUME", "SUSPEND", "WAKEUP",
            "GUEST_PANICKED", "GUEST_CRASHLOADED");
    /** After these the guest runs no more: QEMU exits (or, were it started with -no-shutdown, stays stopped). */
    private static final Set<String> ENDING = Set.of("SHUTDOWN", "GUEST_PANICKED");

    QmpEvent {
        Objects.requireNonNull(name, "name");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The event a QMP message carries, if it is one. */
    static Optional<QmpEvent> of(JsonNode message) {
        JsonNode name = message.get("event");
        if (name == null || !name.isTextual()) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        message.path("data").fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                data.put(field.getKey(), field.getValue().asText());
            }
        });
        return Optional.of(new QmpEvent(name.textValue(), data));
    }

    boolean changesTheVm() {
        return CHANGING.contains(name);
    }

    boolean endsTheGuest() {
        return ENDING.contains(name);
    }

    @Override
    public String toString() {
        return data.isEmpty() ? name : name + " " + data;
    }
}
