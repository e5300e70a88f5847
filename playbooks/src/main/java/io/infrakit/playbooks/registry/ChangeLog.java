package io.infrakit.playbooks.registry;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What lies between two pins: the commits, and the files of the playbook's tree that differ. */
final class ChangeLog {

    static final int SHORT_ID = 7;

    private ChangeLog() {
    }

    /** {@code "abc1234 subject"} for each commit reachable from {@code to} but not from {@code from}, newest first. */
    static List<String> commits(Repository repository, ObjectId from, ObjectId to) throws IOException {
        List<String> lines = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(to));
            walk.markUninteresting(walk.parseCommit(from));
            for (RevCommit commit : walk) {
                lines.add(reader.abbreviate(commit, SHORT_ID).name() + " " + commit.getShortMessage());
            }
        }
        return lines;
    }

    /** {@code "M path"}, {@code "A path"} or {@code "D path"}, relative to the subdirectory, in path order. */
    static List<String> files(Repository repository, ObjectId from, ObjectId to, Optional<String> subdir)
            throws IOException {
        String prefix = subdir.map(dir -> dir + "/").orElse("");
        List<String> lines = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository);
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDetectRenames(false);
            subdir.ifPresent(dir -> diff.setPathFilter(PathFilter.create(dir)));
            for (DiffEntry entry : diff.scan(walk.parseCommit(from).getTree(), walk.parseCommit(to).getTree())) {
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath()
                        : entry.getNewPath();
                lines.add(letter(entry.getChangeType()) + " " + path.substring(prefix.length()));
            }
        }
        return lines;
    }

    private static String letter(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> "A";
            case DELETE -> "D";
            default -> "M";
        };
    }
}
