package io.infrakit.common;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL while it rewrites a file leaves the old content or the new one, never a torn
 * file: a child JVM rewrites one file as fast as it can, and is killed in the middle. The temporary file it may
 * leave is removed by {@link AtomicFiles#removeLeftovers}.
 */
class AtomicFilesIT {

    @TempDir
    Path dir;

    /** The child: rewrites the target with ever longer, self-checking content until it is killed. */
    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        AtomicFiles.Durability durability = AtomicFiles.Durability.valueOf(args[1]);
        for (int round = 1; ; round++) {
            AtomicFiles.write(target, content(round).getBytes(StandardCharsets.UTF_8), durability);
            if (round == 20) {
                AtomicFiles.write(target.resolveSibling("started"), new byte[0]);
            }
        }
    }

    static String content(int round) {
        return "round " + round + "\n" + "x".repeat(round % 50_000) + "\nend " + round + "\n";
    }

    @ParameterizedTest
    @EnumSource(AtomicFiles.Durability.class)
    void aKilledWriterLeavesAWholeFile(AtomicFiles.Durability durability) throws Exception {
        Path target = dir.resolve("state.json");
        for (int attempt = 0; attempt < 3; attempt++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AtomicFilesIT.class.getName(), target.toString(),
                    durability.name())
                    .redirectErrorStream(true)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(dir.resolve("started")) && System.nanoTime() < deadline) {
                assertThat(child.isAlive()).as("the writer runs").isTrue();
                child.waitFor(10, TimeUnit.MILLISECONDS);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Files.deleteIfExists(dir.resolve("started"));

            String text = Files.readString(target);
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(3);
            int round = Integer.parseInt(lines.get(0).substring("round ".length()));
            assertThat(text).isEqualTo(content(round));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".")))
                    .containsExactly("state.json");
        }
        AtomicFiles.removeLeftovers(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("state.json");
        }
    }
}
