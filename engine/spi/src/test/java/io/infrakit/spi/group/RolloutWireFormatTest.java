package io.infrakit.spi.group;

import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutWireFormatTest {

    @Test
    void statusCarriesItsEtaAsAnIsoDuration() throws Exception {
        GroupStatus status = new GroupStatus(GroupId.of("web"), GroupPhase.ROLLING_OUT, 5, 6, 2, 5, 0, "a", "b", "",
                "", false, false, Instant.EPOCH).withEta(Duration.ofSeconds(90));

        String json = Json.write(status);

        assertThat(json).contains("\"ETA\":\"PT1M30S\"");
        assertThat(Json.mapper().readValue(json, GroupStatus.class)).isEqualTo(status);
        assertThat(Json.mapper().readValue(json.replace(",\"ETA\":\"PT1M30S\"", ""), GroupStatus.class).eta())
                .isNull();
    }

    @Test
    void revisionsAndEventsUsePascalCaseKeys() throws Exception {
        Revision revision = new Revision("abc", Instant.parse("2026-01-02T03:04:05Z"), "Managing 3 instances", true,
                false);
        GroupEvent event = new GroupEvent(7, Instant.EPOCH, "Provisioned", "i-1", "provisioned i-1");

        assertThat(Json.write(revision)).isEqualTo("{\"ID\":\"abc\",\"CommittedAt\":\"2026-01-02T03:04:05Z\","
                + "\"Plan\":\"Managing 3 instances\",\"ProvenHealthy\":true,\"Target\":false}");
        assertThat(Json.write(event)).isEqualTo("{\"Sequence\":7,\"Time\":\"1970-01-01T00:00:00Z\","
                + "\"Type\":\"Provisioned\",\"Instance\":\"i-1\",\"Message\":\"provisioned i-1\"}");
        assertThat(Json.mapper().readValue(Json.write(revision), Revision.class)).isEqualTo(revision);
        assertThat(Json.mapper().readValue(Json.write(event), GroupEvent.class)).isEqualTo(event);
    }
}
