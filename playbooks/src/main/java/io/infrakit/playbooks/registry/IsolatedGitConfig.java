package io.infrakit.playbooks.registry;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit ignore the user's and the system's git configuration: a playbook cache must look the same on every
 * machine, and a {@code core.autocrlf} or {@code url.*.insteadOf} in someone's {@code ~/.gitconfig} would change what
 * is fetched and checked out. JGit's own file ({@code ~/.config/jgit/config}) stays: it only caches what JGit
 * measured about the file system, which otherwise costs about 3 s in every process. JGit offers this only JVM-wide,
 * which is fine: only the registry uses JGit.
 */
final class IsolatedGitConfig {

    private IsolatedGitConfig() {
    }

    static synchronized void install() {
        if (!(SystemReader.getInstance() instanceof IsolatedReader)) {
            SystemReader.setInstance(new IsolatedReader(SystemReader.getInstance()));
        }
    }

    private static final class IsolatedReader extends SystemReader.Delegate {

        IsolatedReader(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new InMemoryConfig(parent, fs);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new InMemoryConfig(parent, fs);
        }
    }

    private static final class InMemoryConfig extends FileBasedConfig {

        InMemoryConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // nothing on disk to read
        }

        @Override
        public void save() {
            // kept in memory only
        }

        @Override
        public boolean isOutdated() {
            return false;
        }
    }
}
