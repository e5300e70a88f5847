package io.infrakit.templates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the specs a template renders may name: {@link TemplatePolicy#allowsReading}, links followed. */
class TemplatePolicyTest {

    @TempDir
    Path work;

    @Test
    void aFileIsReadableInsideTheRootsAsWrittenAndAsTheFileSystemResolvesIt() throws IOException {
        Path tree = Files.createDirectories(work.resolve("tree/sub"));
        Path outside = Files.createDirectories(work.resolve("outside/dir"));
        Files.writeString(work.resolve("outside/secret"), "S3CRET");
        Files.writeString(work.resolve("tree/init.sh"), "echo hi");
        Files.createSymbolicLink(work.resolve("tree/link"), work.resolve("outside/secret"));
        Files.createSymbolicLink(work.resolve("tree/out"), outside);
        TemplatePolicy policy = TemplatePolicy.confinedTo(work.resolve("tree"));

        assertThat(policy.allowsReading(work.resolve("tree/init.sh"))).isTrue();
        assertThat(policy.allowsReading(work.resolve("tree/missing.sh"))).isTrue();
        assertThat(policy.allowsReading(tree.resolve("../init.sh"))).isTrue();
        assertThat(policy.allowsReading(work.resolve("outside/secret"))).isFalse();
        assertThat(policy.allowsReading(work.resolve("tree/../outside/secret"))).isFalse();
        assertThat(policy.allowsReading(work.resolve("tree/link"))).isFalse();
        // written as tree/secret, but the kernel resolves out/.. to outside/, where the secret is
        assertThat(policy.allowsReading(Path.of(work.resolve("tree/out") + "/../secret"))).isFalse();
    }
}
