package io.infrakit.common;

import io.infrakit.spi.InvalidSpecException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecTextTest {

    @Test
    void utf8IsReadAsWritten() {
        byte[] bytes = "{\"Note\": \"café ☃\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(SpecText.read("spec.json", bytes, Map.class)).containsEntry("Note", "café ☃");
    }

    @Test
    void theFirstByteThatIsNotUtf8IsNamedWithItsOffset() {
        byte[] latin1 = "{\"Note\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SpecText.read("spec.json", latin1, Map.class))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("spec.json: not UTF-8: byte 0xE9 at offset 13");
    }

    @Test
    void aSequenceCutShortAtTheEndIsNotUtf8Either() {
        byte[] cut = {'{', '}', (byte) 0xE2, (byte) 0x98};
        assertThatThrownBy(() -> SpecText.decode("<stdin>", cut)).hasMessage("<stdin>: not UTF-8: byte 0xE2 at offset 2");
    }
}
