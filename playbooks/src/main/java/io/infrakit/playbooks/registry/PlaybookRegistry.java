package io.infrakit.playbooks.registry;

import io.infrakit.common.PlaybookFetchException;
import io.infrakit.common.UsageException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.FetchResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The playbooks a user added by name: each fetched from git into {@code home/playbooks/<name>} and pinned to a
 * commit in {@code home/playbooks.lock}. Running a playbook never touches the network; only {@link #add} and
 * {@link #update} fetch, and {@link #checkout} when it has to repair a damaged cache.
 */
public final class PlaybookRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final LockFile lock;
    private final RegistryLock changes;
    private final PlaybookCaches caches;
    private final GitFetcher fetcher;
    private final Clock clock;
    private final boolean requireScript;

    /**
     * @param environment where {@code INFRAKIT_GIT_TOKEN}, the ssh settings and the {@link CheckoutLimits} are
     *     looked up
     */
    public PlaybookRegistry(Path home, Clock clock, Map<String, String> environment) {
        this(home, clock, environment, true);
    }

    /** @param requireScript whether a fetched commit must hold {@code playbook.groovy} (not so for templates) */
    PlaybookRegistry(Path home, Clock clock, Map<String, String> environment, boolean requireScript) {
        IsolatedGitConfig.install();
        this.lock = new LockFile(home.resolve("playbooks.lock"));
        this.changes = new RegistryLock(home.resolve("playbooks").resolve(".registry.lock"));
        this.fetcher = new GitFetcher(environment);
        this.caches = new PlaybookCaches(home.resolve("playbooks"), fetcher, requireScript,
                CheckoutLimits.from(environment));
        this.requireScript = requireScript;
        this.clock = clock;
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Fetches (clone) into {@code home/playbooks/<name>}, checks the (sub)directory has {@code playbook.groovy},
     * pins the commit the ref resolves to (default: the remote HEAD's branch), records it in
     * {@code home/playbooks.lock}. Nothing is written when any step fails.
     */
    public PinnedPlaybook add(String name, PlaybookSource source, boolean trusted) {
        return add(name, source, trusted, tree -> { });
    }

    /**
     * As {@link #add(String, PlaybookSource, boolean)}, and {@code verify} checks the fetched tree (for example that
     * its script loads) before anything is installed or pinned: when it throws, the registry is unchanged.
     */
    public PinnedPlaybook add(String name, PlaybookSource source, boolean trusted, Consumer<Path> verify) {
        if (!isValidName(name)) {
            throw new UsageException("invalid playbook name '" + name + "': use lower-case letters, digits, '.', '_'"
                    + " and '-', starting with a letter or digit");
        }
        return changes.holding(() -> addUnlocked(name, source, trusted, verify));
    }

    private PinnedPlaybook addUnlocked(String name, PlaybookSource source, boolean trusted, Consumer<Path> verify) {
        SortedMap<String, PinnedPlaybook> pins = lock.read();
        PinnedPlaybook existing = pins.get(name);
        if (existing != null) {
            throw new UsageException("playbook '" + name + "' already exists (" + existing.source().display()
                    + "); remove it first or pick another name");
        }
        PlaybookCaches.Clone clone = caches.cloneAtRef(name, source);
        try {
            verify.accept(PlaybookCaches.tree(clone));
        } catch (RuntimeException rejected) {
            caches.discard(clone, rejected);
            throw rejected;
        }
        caches.install(name, clone);
        PinnedPlaybook pin = new PinnedPlaybook(name, clone.source(), clone.commit().name(), clock.instant(), trusted);
        pins.put(name, pin);
        try {
            lock.write(pins);
        } catch (RuntimeException e) {
            caches.delete(name);
            throw e;
        }
        return pin;
    }

    /** Every pinned playbook, sorted by name. */
    public List<PinnedPlaybook> list() {
        return List.copyOf(lock.read().values());
    }

    public Optional<PinnedPlaybook> find(String name) {
        return Optional.ofNullable(lock.read().get(name));
    }

    /** Forgets the playbook: its lock entry first, then its cache. */
    public void remove(String name) {
        changes.holding(() -> {
            SortedMap<String, PinnedPlaybook> pins = lock.read();
            require(pins, name);
            pins.remove(name);
            lock.write(pins);
            caches.delete(name);
            return name;
        });
    }

    /**
     * Fetches the ref again; when it moved, moves the pin and returns the range and files changed. A fetch failure,
     * or a new commit refused by the {@link CheckoutLimits} or for a link out of the repository, leaves cache and pin
     * as they were.
     */
    public PlaybookUpdate update(String name) {
        return changes.holding(() -> updateUnlocked(name));
    }

    private PlaybookUpdate updateUnlocked(String name) {
        SortedMap<String, PinnedPlaybook> pins = lock.read();
        PinnedPlaybook before = require(pins, name);
        ObjectId pinned = ObjectId.fromString(before.commit());
        caches.checkOutPinned(before);
        try (CacheRepository repository = CacheRepository.open(caches.directory(name))) {
            FetchResult fetched = repository.fetch(fetcher, before.source());
            RefResolver.Resolved resolved = RefResolver.resolve(repository.repository(), before.source(), fetched);
            if (resolved.commit().equals(pinned)) {
                return new PlaybookUpdate(before, before, List.of(), List.of());
            }
            caches.requireAcceptable(repository, resolved.commit(), resolved.source());
            if (requireScript) {
                repository.requireScript(resolved.commit(), resolved.source());
            }
            List<String> commits = ChangeLog.commits(repository.repository(), pinned, resolved.commit());
            List<String> files = ChangeLog.files(repository.repository(), pinned, resolved.commit(),
                    before.source().subdir());
            repository.checkOut(resolved.commit());
            PinnedPlaybook after = new PinnedPlaybook(name, resolved.source(), resolved.commit().name(),
                    clock.instant(), before.trusted());
            pins.put(name, after);
            lock.write(pins);
            return new PlaybookUpdate(before, after, commits, files);
        } catch (IOException | GitAPIException e) {
            throw new PlaybookFetchException(GitFetcher.cannotFetch(before.source(), "cannot update the cache at "
                    + caches.directory(name) + ": " + e.getMessage()), e);
        }
    }

    /**
     * The playbook's tree at its pinned commit (the //subdir within the work tree), ready to
     * {@code LocalPlaybook.open}. Works offline. A dirty work tree is reset to the pinned commit; a corrupt or
     * missing cache is cloned again and pinned to the same commit.
     */
    public Path checkout(String name) {
        return changes.holding(() -> {
            PinnedPlaybook pin = require(lock.read(), name);
            caches.checkOutPinned(pin);
            return caches.playbookRoot(pin);
        });
    }

    private static PinnedPlaybook require(SortedMap<String, PinnedPlaybook> pins, String name) {
        PinnedPlaybook pin = pins.get(name);
        if (pin == null) {
            throw new UsageException("no playbook '" + name + "'; known: "
                    + (pins.isEmpty() ? "none" : String.join(", ", pins.keySet())));
        }
        return pin;
    }
}
