package io.infrakit.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountedTest {

    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertThat(Counted.of(1, "new instance")).isEqualTo("1 new instance");
        assertThat(Counted.of(0, "instance")).isEqualTo("0 instances");
        assertThat(Counted.of(3, "instance")).isEqualTo("3 instances");
    }
}
