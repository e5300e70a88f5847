package io.infrakit.engine;

import com.sun.security.auth.module.UnixSystem;
import io.infrakit.common.OwnerOnly;
import io.infrakit.common.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A manager's home is its user's alone (0700): made so when missing, and tightened when others may enter it. A home
 * that belongs to another user, or that is a shared directory (sticky, as /tmp), is refused: whoever else may write
 * in it could plant specs, logs or sockets the manager would trust.
 */
public final class PrivateHome {

    private static final int STICKY = 01000;
    private static final int GROUP_AND_OTHERS = 077;

    private PrivateHome() {
    }

    /**
     * Makes the home private before a manager uses it.
     *
     * @return what was tightened, for the caller to say once; empty when the home was private already
     * @throws UsageException when the home is another user's or a shared directory
     */
    public static Optional<String> prepare(InfrakitHome home) {
        Path root = home.root();
        try {
            OwnerOnly.createDirectories(root);
            int owner = (Integer) Files.getAttribute(root, "unix:uid");
            int mode = (Integer) Files.getAttribute(root, "unix:mode") & 07777;
            long self = new UnixSystem().getUid();
            if (owner != self) {
                throw new UsageException("cannot run a manager in " + root + ": it belongs to uid " + owner
                        + ", not to this user (uid " + self + "); use a home of your own (--home or INFRAKIT_HOME)");
            }
            if ((mode & STICKY) != 0) {
                throw new UsageException("cannot run a manager in " + root + ": it is a shared directory (mode "
                        + Integer.toOctalString(mode) + "); use a home of your own (--home or INFRAKIT_HOME)");
            }
            if ((mode & GROUP_AND_OTHERS) == 0) {
                return Optional.empty();
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            return Optional.of("the home " + root + " was open to other users (mode " + Integer.toOctalString(mode)
                    + "): made it 0700, its owner's alone");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the home " + root + " private: " + e.getMessage(), e);
        }
    }
}
