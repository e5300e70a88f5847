package io.infrakit.templates;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The fixed bounds every render stays within, so that a hostile template fails fast instead of exhausting the JVM;
 * {@link TemplateLimits} holds the ones a caller sets.
 */
final class Limits {

    /** The most characters one render may produce, and the most bytes one file or URL may hold. */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    /** How deep include() and source() may nest; recursion stops here. */
    static final int MAX_INCLUDE_DEPTH = 32;

    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    /** The most elements a sequence passed to a function, joined, sorted or chunked may have. */
    static final int MAX_ELEMENTS = 1_000_000;

    /** The most digits a number may have, before or after its decimal point: arithmetic stays fast, text short. */
    static final int MAX_NUMBER_DIGITS = 1_000;

    private Limits() {
    }

    static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    static String decodeUtf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RenderProblem("'" + source + "' is not UTF-8 text");
        }
    }
}
