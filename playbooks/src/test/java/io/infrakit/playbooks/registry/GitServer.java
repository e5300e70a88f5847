package io.infrakit.playbooks.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What an integration test serves playbooks from: a {@code git daemon} over a directory of bare repositories. */
final class GitServer implements AutoCloseable {

    private final GitCli git;
    private final Path base;
    private final Path workspace;
    private final GitDaemon daemon;

    private GitServer(GitCli git, Path base, Path workspace, GitDaemon daemon) {
        this.git = git;
        this.base = base;
        this.workspace = workspace;
        this.daemon = daemon;
    }

    static GitServer start(Path directory) throws IOException {
        GitCli.requireInstalled();
        GitCli git = new GitCli(directory.resolve("git-home"));
        Path base = Files.createDirectories(directory.resolve("served"));
        Path workspace = Files.createDirectories(directory.resolve("workspace"));
        GitDaemon daemon = GitDaemon.serve(git, base, directory.resolve("git-daemon.log"));
        return new GitServer(git, base, workspace, daemon);
    }

    /** A new repository {@code <name>} with no commit yet. */
    UpstreamRepository repository(String name) throws IOException {
        return UpstreamRepository.create(git, base, workspace, name);
    }

    /** The git command line, for looking into a cache the way a user would. */
    GitCli git() {
        return git;
    }

    String url(String repository) {
        return daemon.url(repository);
    }

    void stop() {
        daemon.stop();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
