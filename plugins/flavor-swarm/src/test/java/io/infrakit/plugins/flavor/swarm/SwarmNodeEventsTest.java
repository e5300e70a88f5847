package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstancesChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The swarm flavor's change notices (docs/plugins-flavors.md): one node event stream per manager engine while anyone
 * listens, a notice per node event, and a stream that breaks is opened again with a notice for what was missed.
 */
class SwarmNodeEventsTest {

    static final Duration WITHIN = Duration.ofSeconds(5);
    static final String HOST = "tcp://10.0.0.1:2375";

    final FakeNodeEventSource source = new FakeNodeEventSource();
    final SwarmNodeEvents events = new SwarmNodeEvents(source);
    final List<InstanceChangeNotices.Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void closeAll() {
        subscriptions.forEach(InstanceChangeNotices.Subscription::close);
    }

    @Test
    void aNodeEventIsToldToEveryListenerOfThatEngineOverOneStream() {
        List<InstancesChanged> first = new CopyOnWriteArrayList<>();
        List<InstancesChanged> second = new CopyOnWriteArrayList<>();
        subscribe(HOST, first);
        subscribe(HOST, second);
        await().atMost(WITHIN).until(() -> source.open().size() == 1);

        source.open().get(0).send(nodeEvent());

        await().atMost(WITHIN).until(() -> first.size() == 1 && second.size() == 1);
        assertThat(source.opened()).hasSize(1);
        assertThat(first.get(0).instances()).isEmpty();
    }

    @Test
    void anotherEngineHasItsOwnStream() {
        subscribe(HOST, new CopyOnWriteArrayList<>());
        subscribe("tcp://10.0.0.2:2375", new CopyOnWriteArrayList<>());

        await().atMost(WITHIN).until(() -> source.open().size() == 2);
        assertThat(source.open()).extracting(stream -> stream.host)
                .containsExactlyInAnyOrder(HOST, "tcp://10.0.0.2:2375");
    }

    @Test
    void aBrokenStreamIsOpenedAgainAndTellsThatChangesMayHaveBeenMissed() {
        List<InstancesChanged> told = new CopyOnWriteArrayList<>();
        subscribe(HOST, told);
        await().atMost(WITHIN).until(() -> source.open().size() == 1);
        assertThat(told).as("nothing is told when the first stream starts").isEmpty();

        source.open().get(0).breakOff();

        await().atMost(WITHIN).until(() -> source.opened().size() == 2 && !told.isEmpty());
        assertThat(source.opened().get(1).host).isEqualTo(HOST);
        source.opened().get(1).send(nodeEvent());
        await().atMost(WITHIN).until(() -> told.size() == 2);
    }

    @Test
    void theStreamClosesWithTheLastSubscriptionAndOpensAgainWithANewOne() {
        InstanceChangeNotices.Subscription only = events.subscribe(HOST, notice -> { });
        await().atMost(WITHIN).until(() -> source.open().size() == 1);

        only.close();

        await().atMost(WITHIN).until(() -> source.open().isEmpty());
        assertThat(source.opened()).hasSize(1);

        subscribe(HOST, new CopyOnWriteArrayList<>());
        await().atMost(WITHIN).until(() -> source.open().size() == 1);
        assertThat(source.opened()).hasSize(2);
    }

    private void subscribe(String host, List<InstancesChanged> told) {
        subscriptions.add(events.subscribe(host, told::add));
    }

    private static Event nodeEvent() {
        return new Event("update", "node-1", null, 0L).withType(EventType.NODE).withAction("update");
    }
}
