package io.infrakit.testkit.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code git daemon} over a directory of bare repositories, with the isolated git that makes them. Everything
 * lives under the directory it is started in: {@code git-home/}, {@code served/} and {@code git-daemon.log}.
 */
public final class GitServer implements AutoCloseable {

    private final GitCli git;
    private final Path served;
    private final GitDaemon daemon;

    private GitServer(GitCli git, Path served, GitDaemon daemon) {
        this.git = git;
        this.served = served;
        this.daemon = daemon;
    }

    /** Serves {@code directory/served}, empty at first; fails, naming the package, if git is not installed. */
    public static GitServer start(Path directory) {
        GitCli.requireInstalled();
        GitCli git = new GitCli(directory.resolve("git-home"));
        Path served;
        try {
            served = Files.createDirectories(directory.resolve("served"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GitServer(git, served, GitDaemon.serve(git, served, directory.resolve("git-daemon.log")));
    }

    /** A new bare repository {@code name} with no commit yet; returns its directory. */
    public Path emptyRepository(String name) {
        Path bare = served.resolve(name);
        try {
            Files.createDirectories(bare);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git.run(bare, "init", "--bare", "--quiet");
        return bare;
    }

    /** Serves the files under {@code tree} as {@code <name>.git}, one commit on {@code main}; returns its URL. */
    public String publish(Path tree, String name) {
        String repository = name + ".git";
        Path bare = emptyRepository(repository);
        // The tree itself is the work tree of the bare repository, so it is committed without being copied.
        String workTree = "--work-tree=" + tree.toAbsolutePath();
        git.run(bare, workTree, "add", "--all");
        git.run(bare, workTree, "commit", "--quiet", "-m", "publish " + name);
        return url(repository);
    }

    /** The git command line, for making commits or looking into a clone the way a user would. */
    public GitCli git() {
        return git;
    }

    /** The {@code git://} URL of {@code repository}, as named when it was made. */
    public String url(String repository) {
        return daemon.url(repository);
    }

    /** Stops serving, so that fetches are refused; see {@link GitDaemon#stop()}. */
    public void stop() {
        daemon.stop();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
