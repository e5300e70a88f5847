package io.infrakit.playbooks.registry;

import io.infrakit.common.OwnerOnly;
import io.infrakit.common.PlaybookFetchException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The directory {@code home/playbooks}: one git work tree per playbook name. A cache is only ever replaced whole:
 * a clone is made in a temporary directory beside it, checked, and then moved into place.
 */
final class PlaybookCaches {

    /** A checked clone in a temporary directory, not yet in place. */
    record Clone(Path directory, PlaybookSource source, ObjectId commit) {
    }

    @FunctionalInterface
    private interface CommitChoice {
        RefResolver.Resolved choose(CacheRepository repository, FetchResult fetched);
    }

    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;
    private final GitFetcher fetcher;
    private final boolean requireScript;
    private final CheckoutLimits limits;

    PlaybookCaches(Path root, GitFetcher fetcher, boolean requireScript, CheckoutLimits limits) {
        this.root = root;
        this.fetcher = fetcher;
        this.requireScript = requireScript;
        this.limits = limits;
    }

    /**
     * Refuses a commit whose tree is too large or links out of the repository; called before anything of the tree
     * is written, or walked any further.
     */
    void requireAcceptable(CacheRepository repository, ObjectId commit, PlaybookSource source) throws IOException {
        TreeCheck.require(repository.repository(), commit, source, limits);
    }

    Path directory(String name) {
        return root.resolve(name);
    }

    /** The playbook's tree within its cache: the //subdir of the work tree. */
    Path playbookRoot(PinnedPlaybook pin) {
        return pin.source().subdir().map(directory(pin.name())::resolve).orElse(directory(pin.name()));
    }

    /** Clones the source and checks out the commit its ref names, in a temporary directory. */
    Clone cloneAtRef(String name, PlaybookSource source) {
        return cloneInTemp(name, source, (repository, fetched) ->
                RefResolver.resolve(repository.repository(), source, fetched));
    }

    /** Moves a clone into place, replacing whatever was there (a cache a crashed {@code remove} left behind). */
    void install(String name, Clone clone) {
        Path target = directory(name);
        try {
            delete(target);
            Files.move(clone.directory(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(clone.directory(), e);
            throw new UncheckedIOException("cannot move " + clone.directory() + " to " + target + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Makes the cache's work tree the pinned commit's tree, offline when the cache is healthy. A damaged or missing
     * cache is cloned again and checked out at the same commit.
     */
    void checkOutPinned(PinnedPlaybook pin) {
        ObjectId commit = ObjectId.fromString(pin.commit());
        Exception damage;
        try (CacheRepository repository = CacheRepository.open(directory(pin.name()))) {
            repository.verify(commit);
            if (!repository.isPristineAt(commit)) {
                repository.checkOut(commit);
            }
            return;
        } catch (IOException | GitAPIException | RuntimeException e) {
            // whatever a garbled .git makes JGit throw, the remedy is the same: clone it again
            damage = e;
        }
        reclone(pin, commit, damage);
    }

    void delete(String name) {
        try {
            delete(directory(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory(name) + ": " + e.getMessage(), e);
        }
    }

    private void reclone(PinnedPlaybook pin, ObjectId commit, Exception damage) {
        Clone clone;
        try {
            clone = cloneInTemp(pin.name(), pin.source(), (repository, fetched) -> {
                if (!RefResolver.hasCommit(repository.repository(), commit)) {
                    throw new PlaybookFetchException(GitFetcher.cannotFetch(pin.source(), "commit "
                            + commit.abbreviate(ChangeLog.SHORT_ID).name() + " is no longer there"));
                }
                return new RefResolver.Resolved(pin.source(), commit);
            });
        } catch (PlaybookFetchException e) {
            PlaybookFetchException failure = new PlaybookFetchException("the cache of playbook '" + pin.name()
                    + "' is damaged and cannot be refetched: " + e.getMessage(), e);
            failure.addSuppressed(damage);
            throw failure;
        }
        install(pin.name(), clone);
    }

    private Clone cloneInTemp(String name, PlaybookSource source, CommitChoice choice) {
        Path temp = createTemp(name);
        try (CacheRepository repository = CacheRepository.create(temp)) {
            FetchResult fetched = repository.fetch(fetcher, source);
            RefResolver.Resolved resolved = choice.choose(repository, fetched);
            requireAcceptable(repository, resolved.commit(), resolved.source());
            if (requireScript) {
                repository.requireScript(resolved.commit(), resolved.source());
            }
            repository.checkOut(resolved.commit());
            return new Clone(temp, resolved.source().withoutCredentials(), resolved.commit());
        } catch (IOException | GitAPIException e) {
            discard(temp, e);
            throw new PlaybookFetchException(GitFetcher.cannotFetch(source, "cannot write " + temp + ": "
                    + e.getMessage()), e);
        } catch (RuntimeException e) {
            discard(temp, e);
            throw e;
        }
    }

    /** Called under the {@link RegistryLock}, so any other temporary directory is a crashed process's leftover. */
    private Path createTemp(String name) {
        try {
            OwnerOnly.createDirectories(root);
            try (Stream<Path> leftovers = Files.list(root)) {
                for (Path leftover : leftovers.filter(path -> path.getFileName().toString().startsWith(TEMP_PREFIX))
                        .toList()) {
                    delete(leftover);
                }
            }
            return Files.createTempDirectory(root, TEMP_PREFIX + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a temporary directory after a failure, without hiding that failure. */
    /** The playbook's tree within a clone not yet installed. */
    static Path tree(Clone clone) {
        return clone.source().subdir().map(clone.directory()::resolve).orElse(clone.directory());
    }

    /** Deletes a clone that will not be installed; a failure to delete is added to the reason. */
    void discard(Clone clone, RuntimeException reason) {
        discard(clone.directory(), reason);
    }

    private static void discard(Path temp, Exception failure) {
        try {
            delete(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void delete(Path directory) throws IOException {
        FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
    }
}
