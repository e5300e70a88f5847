package io.infrakit.dsl;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A deferred reference to an output of an image build, known only when the plan runs: {@code output} is one of
 * {@link #OUTPUTS}.
 */
public record ImageOutput(String file, String output) implements Serializable {

    /** In the order users read them in messages. */
    public static final List<String> OUTPUTS = List.of("kernel", "vmlinux", "initrd", "cmdline", "hash", "iso", "qcow2");

    public ImageOutput {
        Objects.requireNonNull(file, "file");
        if (!OUTPUTS.contains(output)) {
            throw new IllegalArgumentException("unknown image output '" + output + "'");
        }
    }
}
