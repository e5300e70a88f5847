package io.infrakit.common;

import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceChangeListenersTest {

    private static final InstancesChanged NOTICE = InstancesChanged.of(InstanceId.of("instance-1"));

    private final List<String> watch = new ArrayList<>();
    private final InstanceChangeListeners listeners =
            new InstanceChangeListeners(() -> watch.add("start"), () -> watch.add("stop"));

    @Test
    void theWatchRunsFromTheFirstSubscriberToTheLastClose() {
        InstanceChangeNotices.Subscription first = listeners.subscribe(notice -> { });
        InstanceChangeNotices.Subscription second = listeners.subscribe(notice -> { });
        first.close();
        first.close();
        assertThat(watch).containsExactly("start");

        second.close();

        assertThat(watch).containsExactly("start", "stop");
        assertThat(listeners.isEmpty()).isTrue();
    }

    @Test
    void aListenerThatThrowsDoesNotKeepTheNoticeFromTheOthers() {
        List<InstancesChanged> told = new ArrayList<>();
        listeners.subscribe(notice -> {
            throw new IllegalStateException("broken listener");
        });
        listeners.subscribe(told::add);

        listeners.tell(NOTICE);

        assertThat(told).containsExactly(NOTICE);
    }

    @Test
    void theSameListenerSubscribedTwiceIsToldTwiceUntilEachSubscriptionCloses() {
        List<InstancesChanged> told = new ArrayList<>();
        InstanceChangeNotices.Subscription first = listeners.subscribe(told::add);
        listeners.subscribe(told::add);
        first.close();

        listeners.tell(NOTICE);

        assertThat(told).containsExactly(NOTICE);
    }
}
