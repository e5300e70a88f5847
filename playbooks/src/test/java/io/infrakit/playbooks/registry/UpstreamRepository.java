package io.infrakit.playbooks.registry;

import io.infrakit.testkit.git.GitCli;
import io.infrakit.testkit.git.GitServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A bare repository served by a {@link GitServer}, and the working clone its commits are made in. */
final class UpstreamRepository {

    private final GitCli git;
    private final Path bare;
    private final Path work;

    private UpstreamRepository(GitCli git, Path bare, Path work) {
        this.git = git;
        this.bare = bare;
        this.work = work;
    }

    /** A new, empty repository {@code name} on the server, with its working clone in {@code workspace/<name>}. */
    static UpstreamRepository create(GitServer server, Path workspace, String name) throws IOException {
        GitCli git = server.git();
        Path bare = server.emptyRepository(name);
        Path work = Files.createDirectories(workspace.resolve(name));
        git.run(work, "init", "--quiet");
        git.run(work, "remote", "add", "origin", bare.toString());
        return new UpstreamRepository(git, bare, work);
    }

    Path bare() {
        return bare;
    }

    /** Writes the files (a null content deletes one), commits them with the message and pushes; returns the ID. */
    String commit(String message, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = work.resolve(file.getKey());
            if (file.getValue() == null) {
                Files.delete(path);
            } else {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        git.run(work, "add", "--all");
        git.run(work, "commit", "--quiet", "-m", message);
        push();
        return head();
    }

    String commitPlaybook(String message, String echoed) throws IOException {
        return commit(message, Map.of("playbook.groovy", playbook(echoed)));
    }

    static String playbook(String echoed) {
        return "command('up') { echo '" + echoed + "' }\n";
    }

    void tag(String name) {
        git.run(work, "tag", name);
        git.run(work, "push", "--quiet", "origin", "refs/tags/" + name);
    }

    void annotatedTag(String name) {
        git.run(work, "tag", "-a", "-m", "release " + name, name);
        git.run(work, "push", "--quiet", "origin", "refs/tags/" + name);
    }

    /** Points an existing lightweight tag at HEAD, as a forced re-release would. */
    void moveTag(String name) {
        git.run(work, "tag", "--force", name);
        git.run(work, "push", "--quiet", "--force", "origin", "refs/tags/" + name);
    }

    void branch(String name) {
        git.run(work, "branch", name);
        git.run(work, "push", "--quiet", "origin", name);
    }

    /** Starts the branch again from a new root commit and force-pushes it: the old commits are gone upstream. */
    String replaceHistory(String message, Map<String, String> files) throws IOException {
        git.run(work, "checkout", "--quiet", "--orphan", "rewritten");
        git.run(work, "rm", "-r", "--quiet", "--force", ".");
        return commit(message, files);
    }

    void deleteBranch(String name) {
        git.run(work, "push", "--quiet", "origin", "--delete", name);
    }

    String head() {
        return git.run(work, "rev-parse", "HEAD");
    }

    private void push() {
        git.run(work, "push", "--quiet", "--force", "origin", "HEAD:refs/heads/main");
    }
}
