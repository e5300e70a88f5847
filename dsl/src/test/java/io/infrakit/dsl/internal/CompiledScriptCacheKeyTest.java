package io.infrakit.dsl.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledScriptCacheKeyTest {

    private static final String SCRIPT = "command('up') { echo 'hi' }";

    @Test
    void bytecodeCompiledByOneJavaIsNeverHandedToAnother() {
        String java17 = CompiledScriptCache.key(SCRIPT, Duration.ofSeconds(10), 17);
        String java25 = CompiledScriptCache.key(SCRIPT, Duration.ofSeconds(10), 25);

        assertThat(java17).isNotEqualTo(java25);
        assertThat(CompiledScriptCache.key(SCRIPT, Duration.ofSeconds(10), 17)).isEqualTo(java17);
        assertThat(CompiledScriptCache.key(SCRIPT, Duration.ofSeconds(10)))
                .isEqualTo(CompiledScriptCache.key(SCRIPT, Duration.ofSeconds(10), Runtime.version().feature()));
    }
}
