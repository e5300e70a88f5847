package io.infrakit.dsl.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

    private static final List<String> VERBS = List.of("group", "scale", "destroy", "image", "template", "echo");

    @Test
    void suggestsTheClosestNameWithinAFewEdits() {
        assertThat(DidYouMean.hint("grup", VERBS)).isEqualTo("; did you mean 'group'?");
        assertThat(DidYouMean.hint("tempalte", VERBS)).isEqualTo("; did you mean 'template'?");
        assertThat(DidYouMean.hint("Echo", VERBS)).isEqualTo("; did you mean 'echo'?");
    }

    @Test
    void suggestsNothingWhenNoNameIsClose() {
        assertThat(DidYouMean.hint("frobnicate", VERBS)).isEmpty();
        assertThat(DidYouMean.hint("x", VERBS)).isEmpty();
    }

    @Test
    void measuresEditDistance() {
        assertThat(io.infrakit.common.Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(io.infrakit.common.Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(io.infrakit.common.Suggestions.distance("same", "same")).isZero();
    }
}
