package io.infrakit.playbooks.registry;

import io.infrakit.common.PlaybookFetchException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Finds the commit a source's ref names (a branch, a tag, or a full or abbreviated commit ID) after a fetch. */
final class RefResolver {

    /** @param source the source with the ref it follows, the remote's default branch if it named none */
    record Resolved(PlaybookSource source, ObjectId commit) {
    }

    private static final String HEX = "[0-9a-fA-F]{4,40}";

    private RefResolver() {
    }

    static Resolved resolve(Repository repository, PlaybookSource source, FetchResult fetched) {
        String ref = source.ref().orElseGet(() -> defaultBranch(source, fetched));
        try {
            ObjectId commit = branchOrTag(repository, ref).or(() -> commitId(repository, source, ref))
                    .orElseThrow(() -> new PlaybookFetchException(
                            GitFetcher.cannotFetch(source, "unknown ref '" + ref + "'")));
            return new Resolved(source.withRef(ref), commit);
        } catch (UncheckedIOException e) {
            throw new PlaybookFetchException(GitFetcher.cannotFetch(source, "cannot read the fetched repository: "
                    + e.getCause().getMessage()), e);
        }
    }

    /** Whether the repository holds this commit (it may be gone upstream, after a force push). */
    static boolean hasCommit(Repository repository, ObjectId id) {
        return peelToCommit(repository, id).isPresent();
    }

    private static String defaultBranch(PlaybookSource source, FetchResult fetched) {
        Ref head = fetched.getAdvertisedRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        // a server that does not say where HEAD points: the branch at the same commit, as git clone guesses
        return Optional.ofNullable(head).map(Ref::getObjectId).flatMap(id -> fetched.getAdvertisedRefs().stream()
                        .filter(ref -> ref.getName().startsWith(Constants.R_HEADS) && id.equals(ref.getObjectId()))
                        .map(ref -> Repository.shortenRefName(ref.getName()))
                        .min(Comparator.naturalOrder()))
                .orElseThrow(() -> new PlaybookFetchException(GitFetcher.cannotFetch(source,
                        "the repository has no default branch (is it empty?); name a ref with #REF")));
    }

    private static Optional<ObjectId> branchOrTag(Repository repository, String ref) {
        try {
            Ref found = Optional.ofNullable(repository.exactRef(GitFetcher.REMOTE_BRANCHES + ref))
                    .orElse(repository.exactRef(Constants.R_TAGS + ref));
            return found == null ? Optional.empty() : peelToCommit(repository, found.getObjectId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ObjectId> commitId(Repository repository, PlaybookSource source, String ref) {
        if (!ref.matches(HEX)) {
            return Optional.empty();
        }
        Set<ObjectId> commits = new LinkedHashSet<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            for (ObjectId candidate : reader.resolve(AbbreviatedObjectId.fromString(ref))) {
                peelToCommit(repository, candidate).ifPresent(commits::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (commits.size() > 1) {
            throw new PlaybookFetchException(GitFetcher.cannotFetch(source, "ref '" + ref + "' is ambiguous: "
                    + commits.size() + " commits start with it; give more of the commit ID"));
        }
        return commits.stream().findFirst();
    }

    private static Optional<ObjectId> peelToCommit(Repository repository, ObjectId id) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevObject peeled = walk.peel(walk.parseAny(id));
            return peeled instanceof RevCommit commit ? Optional.of(commit.toObjectId()) : Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
