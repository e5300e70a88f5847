package io.infrakit.manager;

import java.io.PrintWriter;

/** The CLI, as the manager runs it for the launcher. */
public interface CommandRunner {

    /** Where a command runs; the one place that decides. */
    enum Placement {
        /** In the manager. */
        HERE,
        /** In the caller's own JVM: the launcher runs it as if no manager ran. */
        CALLER,
        /** In the manager, once the caller has sent its stdin, which this command reads. */
        NEEDS_STDIN
    }

    /** The command read and placed, ready to run with these writers; it prints nothing until run. */
    Prepared prepare(Invocation invocation, PrintWriter out, PrintWriter err);

    interface Prepared {

        Placement placement();

        /** Runs it and returns its exit code; an interrupt of the calling thread is the caller's Ctrl-C. */
        int run();
    }
}
