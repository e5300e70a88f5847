package io.infrakit.cli.image;

import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names for {@code image rm} that try to reach outside the images or to fit an image by accident: each is refused
 * with exit 3 and one line, and every file of the home stays.
 */
class ImageRmHostileIT {

    @TempDir
    Path home;

    @TempDir
    Path tree;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void namesThatAreNoImageRemoveNothing() throws IOException {
        Files.write(tree.resolve("vmlinuz"), new byte[] {1, 2, 3, 4});
        Files.write(tree.resolve("busybox"), new byte[] {5, 6, 7});
        Path spec = Files.writeString(tree.resolve("only.yml"), "kernel: {path: vmlinuz}\nbusybox: busybox\n");
        Run built = run("image", "build", spec.toString());
        assertThat(built.exitCode()).as(built.err()).isZero();
        String hash = built.out().lines().findFirst().orElseThrow();
        Files.createDirectories(home.resolve("configs"));
        Files.writeString(home.resolve("configs/global.config"), "[]\n");
        List<Path> before = files();

        for (String name : List.of("", ".", "..", "../configs", "/", home.toString(), "kernels", "images",
                hash.substring(0, 3), hash + "/..", "*", "only.yml\u001b[2J")) {
            Run run = run("image", "rm", name);

            assertThat(run.exitCode()).as(name).isEqualTo(ExitCode.INVALID_SPEC);
            assertThat(run.err().lines()).as(name).hasSize(1);
            assertThat(run.err()).as(name).startsWith("infrakit: no image ").doesNotContain("\u001b");
            assertThat(files()).as(name).isEqualTo(before);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            return paths.sorted().toList();
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString(),
                Images.MODULES_VARIABLE, tree.resolve("modules").toString()), args);
        return new Run(code, out.toString(), err.toString());
    }
}
