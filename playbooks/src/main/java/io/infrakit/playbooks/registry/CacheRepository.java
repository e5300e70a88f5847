package io.infrakit.playbooks.registry;

import io.infrakit.playbooks.LocalPlaybook;
import io.infrakit.spi.InvalidSpecException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The git repository of one playbook's cache. Its work tree is read-only by contract: it is checked out, with HEAD
 * detached, at the pinned commit, and whatever else is found there is put back.
 */
final class CacheRepository implements AutoCloseable {

    private static final Set<RefUpdate.Result> MOVED = EnumSet.of(RefUpdate.Result.NEW, RefUpdate.Result.FORCED,
            RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.NO_CHANGE);

    private final Git git;

    private CacheRepository(Git git) {
        this.git = git;
    }

    static CacheRepository create(Path directory) throws GitAPIException {
        return new CacheRepository(Git.init().setDirectory(directory.toFile()).call());
    }

    /** Opens exactly this directory's repository: without its {@code .git}, never one found further up. */
    static CacheRepository open(Path directory) throws IOException {
        Repository repository = new FileRepositoryBuilder()
                .setGitDir(directory.resolve(Constants.DOT_GIT).toFile())
                .setWorkTree(directory.toFile())
                .setMustExist(true)
                .build();
        return new CacheRepository(new Git(repository, true));
    }

    /**
     * Fetches into this repository through a bare view of it. JGit's fetch into a repository with a work tree then
     * walks the whole tree it fetched, looking for submodules: with a tree of billions of files that walk never
     * ends, before anything could measure the tree ({@link TreeCheck}).
     */
    FetchResult fetch(GitFetcher fetcher, PlaybookSource source) throws IOException {
        Repository bare = new FileRepositoryBuilder()
                .setGitDir(repository().getDirectory())
                .setBare()
                .setMustExist(true)
                .build();
        try (Git view = new Git(bare, true)) {
            return fetcher.fetch(view, source);
        }
    }

    Repository repository() {
        return git.getRepository();
    }

    /** Fails unless the commit's tree has {@code playbook.groovy} as a file in the source's //subdir (or root). */
    void requireScript(ObjectId commit, PlaybookSource source) throws IOException {
        String path = source.subdir().map(dir -> dir + "/").orElse("") + LocalPlaybook.SCRIPT;
        try (RevWalk walk = new RevWalk(repository());
             TreeWalk found = TreeWalk.forPath(repository(), path, walk.parseCommit(commit).getTree())) {
            if (found == null || !FileMode.REGULAR_FILE.equals(found.getFileMode(0))
                    && !FileMode.EXECUTABLE_FILE.equals(found.getFileMode(0))) {
                throw new InvalidSpecException(source.display() + ": no " + LocalPlaybook.SCRIPT + " at "
                        + source.subdir().orElse("the repository root"));
            }
        }
    }

    /** Reads every object of the commit, so that a damaged object store shows here rather than halfway through. */
    void verify(ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository()); TreeWalk tree = new TreeWalk(repository())) {
            RevCommit parsed = walk.parseCommit(commit);
            tree.addTree(parsed.getTree());
            tree.setRecursive(true);
            ObjectReader reader = tree.getObjectReader();
            while (tree.next()) {
                if (tree.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
                    reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).getSize();
                }
            }
        }
    }

    /** HEAD detached at the commit, and no file changed, added (even one .gitignore matches) or deleted. */
    boolean isPristineAt(ObjectId commit) throws IOException, GitAPIException {
        Ref head = repository().exactRef(Constants.HEAD);
        if (head == null || head.isSymbolic() || !commit.equals(head.getObjectId())) {
            return false;
        }
        Status status = git.status().call();
        return status.isClean() && status.getIgnoredNotInIndex().isEmpty();
    }

    /** Detaches HEAD at the commit and makes the work tree its tree: changes undone, added files removed. */
    void checkOut(ObjectId commit) throws IOException, GitAPIException {
        RefUpdate head = repository().updateRef(Constants.HEAD, true);
        head.setNewObjectId(commit);
        RefUpdate.Result result = head.forceUpdate();
        if (!MOVED.contains(result)) {
            throw new IOException("cannot move HEAD of " + repository().getWorkTree() + " to " + commit.name()
                    + ": " + result);
        }
        git.reset().setMode(ResetType.HARD).setRef(commit.name()).call();
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
