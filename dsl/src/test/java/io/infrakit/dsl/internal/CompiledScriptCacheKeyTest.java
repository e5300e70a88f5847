package io.infrakit.dsl.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledScriptCacheKeyTest {

    private static final String SCRIPT = "command('up') { echo 'hi' }";

    @Test
    void bytecodeCompiledByOneJavaIsNeverHandedToAnother() {
        String java17 = CompiledScriptCache.key(SCRIPT, 17);
        String java25 = CompiledScriptCache.key(SCRIPT, 25);

        assertThat(java17).isNotEqualTo(java25);
        assertThat(CompiledScriptCache.key(SCRIPT, 17)).isEqualTo(java17);
        assertThat(CompiledScriptCache.key(SCRIPT))
                .isEqualTo(CompiledScriptCache.key(SCRIPT, Runtime.version().feature()));
    }
}
