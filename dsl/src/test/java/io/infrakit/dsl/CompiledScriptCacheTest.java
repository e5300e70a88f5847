package io.infrakit.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledScriptCacheTest {

    private static final String SCRIPT = """
            param 'size', Integer, default: 2
            command('up') { group 'g', template('g.json.ftl', n: size * 2) }
            """;

    @TempDir
    Path cache;

    @Test
    void aScriptCompiledOnceIsReusedByAnotherJvmsWorthOfDsl() throws IOException {
        Plan first = new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache)).load("playbook.groovy", SCRIPT)
                .plan("up", Map.of("size", 3));
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);

        Plan second = new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache)).load("playbook.groovy", SCRIPT)
                .plan("up", Map.of("size", 3));

        assertThat(second).isEqualTo(first);
        assertThat(((TemplateSpec) ((CommitGroup) second.actions().get(0)).spec()).vars()).containsEntry("n", 6);
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void aCorruptEntryIsCompiledAgain() throws IOException {
        new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache)).load("playbook.groovy", SCRIPT);
        Files.write(entries().get(0), new byte[] {0, 0, 0, 1, 0, 9, 'x'});

        Playbook playbook = new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache)).load("playbook.groovy", SCRIPT);

        assertThat(playbook.plan("up", Map.of()).actions()).hasSize(1);
    }

    @Test
    void aScriptTheSandboxRejectsIsNeverCachedAndFailsEveryTime() throws IOException {
        PlaybookDsl dsl = new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache));
        String hostile = "command('up') { System.exit(1) }\n";

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> dsl.load("playbook.groovy", hostile)).isInstanceOf(DslException.class)
                    .hasMessageStartingWith("playbook.groovy:1: ");
        }
        assertThat(entries()).isEmpty();
    }

    /** The runner keeps the time limit (the bytecode has no time check of its own), so one entry serves every limit. */
    @Test
    void oneEntryServesEveryTimeLimit() throws IOException {
        new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache)).load("playbook.groovy", SCRIPT);
        new PlaybookDsl(new SandboxLimits(java.time.Duration.ofSeconds(3), 1L << 28), Optional.of(cache))
                .load("playbook.groovy", SCRIPT);

        assertThat(entries()).hasSize(1);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.toString().endsWith(".classes")).sorted().toList();
        }
    }
}
