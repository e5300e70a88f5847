package io.infrakit.engine.manager;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.Redactor;
import io.infrakit.spi.group.GroupId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Commits the stored groups again when the manager starts. A group whose plugins are not up yet is tried again
 * every 2 s, 10 times in all, as InfraKit's manager does; what still fails is logged, never thrown at start-up. A
 * group that no longer validates was set aside by the commit and is not tried again. The log lines never quote a
 * value of the spec ({@link SpecValues}): a validation error would, and it may be a secret.
 */
final class StoredGroupRecommits implements AutoCloseable {

    static final int ATTEMPTS = 10;
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(StoredGroupRecommits.class);

    private final ScheduledExecutorService retries;

    private StoredGroupRecommits(ScheduledExecutorService retries) {
        this.retries = retries;
    }

    static StoredGroupRecommits none() {
        return new StoredGroupRecommits(null);
    }

    static StoredGroupRecommits start(PersistingGroupPlugin groups) {
        Map<GroupId, RuntimeException> failed = groups.recommitStored();
        LOG.info("committed the stored groups again; {} could not be yet", failed.size());
        if (failed.isEmpty()) {
            return none();
        }
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "manager-recommit");
            thread.setDaemon(true);
            return thread;
        });
        failed.forEach((id, error) -> retry(retries, groups, id, error, 2));
        return new StoredGroupRecommits(retries);
    }

    private static void retry(ScheduledExecutorService retries, PersistingGroupPlugin groups, GroupId id,
                              RuntimeException error, int attempt) {
        if (error instanceof InvalidSpecException) {
            return;
        }
        if (attempt > ATTEMPTS) {
            LOG.warn("gave up committing stored group {} after {} attempts: {}", id, ATTEMPTS,
                    reason(groups, id, error));
            return;
        }
        LOG.info("stored group {} could not be committed ({}); trying again in {} s", id, reason(groups, id, error),
                INTERVAL.toSeconds());
        retries.schedule(() -> {
            try {
                groups.recommit(id);
                LOG.info("committed stored group {} again", id);
            } catch (RuntimeException next) {
                retry(retries, groups, id, next, attempt + 1);
            }
        }, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The error's message without any value of the stored spec. */
    static String reason(PersistingGroupPlugin groups, GroupId id, RuntimeException error) {
        Redactor values = groups.storedGroups().stream()
                .filter(spec -> spec.id().equals(id))
                .findFirst()
                .map(SpecValues::of)
                .orElse(Redactor.none());
        return values.redact(String.valueOf(error.getMessage()));
    }

    @Override
    public void close() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
