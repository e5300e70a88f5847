package io.infrakit.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private final Redactor secrets = Redactor.of(Map.of(
            "password", List.of("S3CRETpw"),
            "quoted", List.of("pa\"ss\\word"),
            "pin", List.of("42")));

    @Test
    void masksEachSecretWhereverItAppears() {
        assertThat(secrets.redact("got \"S3CRETpw\"; again S3CRETpwS3CRETpw"))
                .isEqualTo("got \"******\"; again ************");
    }

    @Test
    void masksASecretAsAJsonStringQuotesIt() {
        assertThat(secrets.redact("got \"pa\\\"ss\\\\word\"")).isEqualTo("got \"******\"");
        assertThat(secrets.redact("raw pa\"ss\\word")).isEqualTo("raw ******");
    }

    @Test
    void aShortSecretIsNotMaskedInsideText_butIsFoundAsAWholeValue() {
        assertThat(secrets.redact("version 42 of 420")).isEqualTo("version 42 of 420");
        assertThat(secrets.secretIn("42")).contains("pin");
        assertThat(secrets.secretIn("420")).isEmpty();
    }

    @Test
    void namesTheSecretAValueHolds() {
        assertThat(secrets.secretIn("user:S3CRETpw")).contains("password");
        assertThat(secrets.secretIn("ops")).isEmpty();
    }

    @Test
    void noneMasksNothing() {
        assertThat(Redactor.none().redact("S3CRETpw")).isEqualTo("S3CRETpw");
        assertThat(Redactor.of(Map.of("empty", List.of(""))).isEmpty()).isTrue();
    }
}
