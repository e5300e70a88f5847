package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

    @Test
    void keepsTheNewestUpToItsCapacityInOrder() {
        EventLog log = new EventLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add(Instant.EPOCH, "Provisioned", "i-" + i, "provisioned i-" + i);
        }

        assertThat(log.after(0)).extracting(GroupEvent::sequence).containsExactly(3L, 4L, 5L);
        assertThat(log.after(4)).extracting(GroupEvent::instance).containsExactly("i-5");
        assertThat(log.after(5)).isEmpty();
    }

    @Test
    void aCallerAheadOfTheLogGetsAllThatIsKept() {
        EventLog log = new EventLog(3);
        log.add(Instant.EPOCH, "Paused", "", "rollout paused by user");

        assertThat(log.after(99)).extracting(GroupEvent::sequence).containsExactly(1L);
    }
}
