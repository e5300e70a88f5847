package io.infrakit.playbooks.registry;

import io.infrakit.playbooks.Printable;
import io.infrakit.common.PlaybookFetchException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks at a commit's tree in the object store, before any of it is written: it must stay within the
 * {@link CheckoutLimits} (the walk stops at the first entry over them, so a tree of billions of files costs no more
 * than the limit), and none of its symbolic links may lead out of the repository, alone or through other links.
 */
final class TreeCheck {

    /** Linux gives up on a path after 40 links; a chain longer than that resolves to nothing, and is refused. */
    private static final int MAX_LINK_HOPS = 40;
    /** Longer than any path Linux resolves (PATH_MAX). */
    private static final int MAX_LINK_TARGET = 4096;

    private TreeCheck() {
    }

    /** Throws a {@link PlaybookFetchException} naming the source, the commit and the reason. */
    static void require(Repository repository, ObjectId commit, PlaybookSource source, CheckoutLimits limits)
            throws IOException {
        Map<String, String> links = new LinkedHashMap<>();
        Map<ObjectId, Long> sizes = new HashMap<>();
        long entries = 0;
        long bytes = 0;
        try (RevWalk commits = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commits.parseCommit(commit).getTree());
            ObjectReader reader = tree.getObjectReader();
            while (tree.next()) {
                if (++entries > limits.maxFiles()) {
                    throw refused(source, commit, "it has more than " + limits.maxFiles()
                            + " files and directories (" + CheckoutLimits.FILES_VARIABLE + ")");
                }
                if (tree.isSubtree()) {
                    tree.enterSubtree();
                    continue;
                }
                FileMode mode = tree.getFileMode(0);
                if (mode.getObjectType() != Constants.OBJ_BLOB) {
                    continue;
                }
                bytes += size(reader, tree.getObjectId(0), sizes);
                if (bytes > limits.maxBytes()) {
                    throw refused(source, commit, "its files hold more than "
                            + CheckoutLimits.describeBytes(limits.maxBytes()) + " ("
                            + CheckoutLimits.BYTES_VARIABLE + ")");
                }
                if (FileMode.SYMLINK.equals(mode)) {
                    links.put(tree.getPathString(), target(reader, tree, source, commit));
                }
            }
        }
        for (String link : links.keySet()) {
            if (!staysInside(link, links)) {
                throw refused(source, commit, "its symbolic link '" + Printable.text(link)
                        + "' points outside the repository");
            }
        }
    }

    /** Each blob's size is read once: a bomb repeats the same few blobs. */
    private static long size(ObjectReader reader, ObjectId blob, Map<ObjectId, Long> sizes) throws IOException {
        Long known = sizes.get(blob);
        if (known == null) {
            known = reader.getObjectSize(blob, Constants.OBJ_BLOB);
            sizes.put(blob, known);
        }
        return known;
    }

    private static String target(ObjectReader reader, TreeWalk tree, PlaybookSource source, ObjectId commit)
            throws IOException {
        try {
            byte[] bytes = reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(MAX_LINK_TARGET);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (LargeObjectException e) {
            throw refused(source, commit, "its symbolic link '" + Printable.text(tree.getPathString())
                    + "' is longer than any path");
        }
    }

    /**
     * Follows the link at {@code link} as the kernel would, in the tree: each part of its target in turn, {@code ..}
     * going up, and a part that is itself a link replaced by that link's target. False when an absolute target or a
     * {@code ..} leaves the top, or the chain is too long to resolve.
     */
    static boolean staysInside(String link, Map<String, String> links) {
        List<String> resolved = new ArrayList<>(parts(link));
        resolved.remove(resolved.size() - 1);
        Deque<String> pending = new ArrayDeque<>();
        int hops = 0;
        String target = links.get(link);
        while (true) {
            if (target.startsWith("/") || ++hops > MAX_LINK_HOPS) {
                return false;
            }
            List<String> targetParts = parts(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                pending.addFirst(targetParts.get(i));
            }
            target = null;
            while (target == null && !pending.isEmpty()) {
                String part = pending.removeFirst();
                if (part.equals("..")) {
                    if (resolved.isEmpty()) {
                        return false;
                    }
                    resolved.remove(resolved.size() - 1);
                } else if (!part.isEmpty() && !part.equals(".")) {
                    resolved.add(part);
                    target = links.get(String.join("/", resolved));
                    if (target != null) {
                        resolved.remove(resolved.size() - 1);
                    }
                }
            }
            if (target == null) {
                return true;
            }
        }
    }

    private static List<String> parts(String path) {
        return Arrays.asList(path.split("/", -1));
    }

    private static PlaybookFetchException refused(PlaybookSource source, ObjectId commit, String reason) {
        return new PlaybookFetchException(GitFetcher.cannotFetch(source, "commit "
                + commit.abbreviate(ChangeLog.SHORT_ID).name() + " is refused: " + reason
                + "; nothing was checked out"));
    }
}
