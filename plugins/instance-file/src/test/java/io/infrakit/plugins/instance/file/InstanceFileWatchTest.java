package io.infrakit.plugins.instance.file;

import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The file plugin tells its subscribers of instance files that vanish or appear, as a group controller needs. */
class InstanceFileWatchTest {

    private static final InstanceSpec WEB = InstanceSpec.of(Any.empty(), Map.of(Tags.GROUP, "web"));

    @TempDir
    Path directory;

    private final BlockingQueue<InstancesChanged> notices = new LinkedBlockingQueue<>();

    @Test
    void aFileDeletedByHandIsToldWithItsInstanceId() throws Exception {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(WEB);
        try (InstanceChangeNotices.Subscription subscription = plugin.subscribe(notices::add)) {
            Files.delete(directory.resolve(id.value()));

            assertThat(changedUntil(id)).contains(id);
        }
    }

    @Test
    void aNewInstanceFileIsToldButNotTheTemporaryFileItWasWrittenThrough() throws Exception {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        try (InstanceChangeNotices.Subscription subscription = plugin.subscribe(notices::add)) {
            InstanceId id = plugin.provision(WEB);

            assertThat(changedUntil(id)).allSatisfy(changed -> assertThat(changed.value()).startsWith("instance-"));
        }
    }

    @Test
    void everySubscriberIsToldAndTheWatchStopsWithTheLastOne() throws Exception {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        BlockingQueue<InstancesChanged> other = new LinkedBlockingQueue<>();
        InstanceId id = plugin.provision(WEB);
        InstanceChangeNotices.Subscription first = plugin.subscribe(notices::add);
        InstanceChangeNotices.Subscription second = plugin.subscribe(other::add);

        Files.delete(directory.resolve(id.value()));
        assertThat(changedUntil(id)).contains(id);
        assertThat(other.poll(20, TimeUnit.SECONDS)).isNotNull();

        first.close();
        second.close();
        second.close();
        for (Thread thread : watchThreads()) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(thread.isAlive()).as("watch thread after the last subscription closed").isFalse();
        }
    }

    /** The instances told until this one was; fails if no notice names it within 20 s. */
    private Set<InstanceId> changedUntil(InstanceId id) throws InterruptedException {
        Set<InstanceId> told = new HashSet<>();
        while (!told.contains(id)) {
            told.addAll(next().instances());
        }
        return told;
    }

    private InstancesChanged next() throws InterruptedException {
        InstancesChanged notice = notices.poll(20, TimeUnit.SECONDS);
        assertThat(notice).as("a notice within 20 s").isNotNull();
        return notice;
    }

    private static List<Thread> watchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("file-plugin-watch")).toList();
    }
}
