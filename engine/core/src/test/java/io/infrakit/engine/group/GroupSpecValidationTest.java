package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.engine.group.spec.GroupSpecValidator;
import io.infrakit.engine.group.spec.Quantity;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.testkit.FakeInstancePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * InfraKit scenarios 1-4 (docs/scenarios.md) and every other validation message, exact; nothing is touched on
 * failure.
 */
class GroupSpecValidationTest {

    static final String PLUGINS = "\"Instance\":{\"Plugin\":\"fake\",\"Properties\":{}},"
            + "\"Flavor\":{\"Plugin\":\"test\",\"Properties\":{\"Type\":\"minion\"}}";

    final GroupSpecValidator validator = new GroupSpecValidator(
            new MapLookup().instance("fake", new FakeInstancePlugin()).flavor("test", new TestFlavor()));

    static Any props(String json) {
        return Any.parse(json);
    }

    @Test
    void scenario01_blankId() {
        assertThatThrownBy(() -> validator.validate("", Any.empty()))
                .isInstanceOf(InvalidSpecException.class).hasMessage("Group ID must not be blank");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{}                                                          | Allocation must not be blank",
        "{\"Allocation\":{\"Size\":1,\"LogicalIDs\":[\"id1\"]}}        | Only one Allocation method may be used",
        "{\"Allocation\":{\"Size\":1},\"Updating\":{\"Count\":1,\"Duration\":\"1s\"}} | Only one Updating method may be used",
        "[1,2]                                                       | Invalid properties: expected a JSON object, got array",
        "{\"Allocation\":{\"Size\":\"three\"}}                         | Invalid properties: Allocation.Size: expected a non-negative integer, got \"three\"",
        "{\"Allocation\":{\"Size\":-1}}                                | Invalid properties: Allocation.Size: expected a non-negative integer, got -1",
        "{\"Allocation\":{\"Size\":1},\"Updating\":{\"Duration\":\"soon\"}} | Invalid properties: Updating.Duration: invalid duration \"soon\": expected a number with a unit, such as 100ms, 1s, 1m30s or 2h",
    })
    void scenarios02to04_andUndecodableProperties(String json, String message) {
        assertThatThrownBy(() -> GroupPropertiesParser.parse(props(json)))
                .isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"MaxSurge\":-1                  | Properties.Updating.MaxSurge: must not be negative",
        "\"MaxUnavailable\":\"150%\"        | Properties.Updating.MaxUnavailable: 150% is more than 100%",
        "\"MaxSurge\":\"lots\"              | Properties.Updating.MaxSurge: expected an integer or a percentage such as \"25%\", got \"lots\"",
        "\"HealthyDeadline\":\"soon\"       | Properties.Updating.HealthyDeadline: invalid duration \"soon\": expected a number with a unit, such as 100ms, 1s, 1m30s or 2h",
        "\"ProgressDeadline\":\"-5m\"       | Properties.Updating.ProgressDeadline: must not be negative",
        "\"AutoRollback\":\"yes\"           | Properties.Updating.AutoRollback: expected true or false, got \"yes\"",
        "\"MaxSurge\":0,\"MaxUnavailable\":0 | Properties.Updating: MaxSurge and MaxUnavailable must not both be 0",
    })
    void ourFieldsNameTheirSpecPath(String updating, String message) {
        assertThatThrownBy(() -> GroupPropertiesParser.parse(
                props("{\"Allocation\":{\"Size\":1},\"Updating\":{" + updating + "}}")))
                .isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> GroupPropertiesParser.parse(props(
                "{\"Allocation\":{\"Size\":1,\"MaxParallel\":-2},\"Updating\":{\"MaxSurge\":-1,\"HealthyDeadline\":\"x\"}}")))
                .hasMessageStartingWith("Properties.Allocation.MaxParallel: must not be negative; "
                        + "Properties.Updating.MaxSurge: must not be negative; Properties.Updating.HealthyDeadline:");
    }

    @Test
    void pluginsAreLookedUpFlavorFirstWithInfrakitsMessages() {
        assertThatThrownBy(() -> validator.validate("g", props("{\"Allocation\":{\"Size\":1},"
                + "\"Instance\":{\"Plugin\":\"fake\"},\"Flavor\":{\"Plugin\":\"nope\"}}")))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessage("Failed to find Flavor plugin 'nope':unknown plugin 'nope'; known: test");
        assertThatThrownBy(() -> validator.validate("g", props("{\"Allocation\":{\"Size\":1},"
                + "\"Instance\":{\"Plugin\":\"nope\"},\"Flavor\":{\"Plugin\":\"test\",\"Properties\":{\"Type\":\"minion\"}}}")))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessage("Failed to find Instance plugin 'nope':unknown plugin 'nope'; known: fake");
    }

    @Test
    void aNameThatCannotNameAPluginIsABadSpecNotAMissingPlugin() {
        assertThatThrownBy(() -> validator.validate("g", props("{\"Allocation\":{\"Size\":1},"
                + "\"Instance\":{\"Plugin\":\"fake\"},\"Flavor\":{\"Plugin\":\"../x\"}}")))
                .isExactlyInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("Failed to find Flavor plugin '../x':invalid plugin name '../x'");
    }

    @Test
    void thenThePluginsOwnValidationErrors() {
        assertThatThrownBy(() -> validator.validate("g", props("{\"Allocation\":{\"LogicalIDs\":[\"a\"]}," + PLUGINS + "}")))
                .isInstanceOf(InvalidSpecException.class).hasMessage("minion must use Size");
        assertThatThrownBy(() -> validator.validate("g", props("{\"Allocation\":{\"Size\":1},"
                + "\"Instance\":{\"Plugin\":\"fake\",\"Properties\":[1]},"
                + "\"Flavor\":{\"Plugin\":\"test\",\"Properties\":{\"Type\":\"minion\"}}}")))
                .hasMessage("properties must be a JSON object, got [1]");
    }

    @Test
    void infrakitSpecsLoadUnchangedWithOurDefaults() {
        GroupProperties parsed = validator.validate("workers", props("{\"Allocation\":{\"Size\":3},"
                + "\"Updating\":{\"Count\":2,\"SkipBeforeInstanceDestroy\":\"drain\"}," + PLUGINS + "}"));

        assertThat(parsed.allocation().size()).isEqualTo(3);
        assertThat(parsed.updating().count()).isEqualTo(2);
        assertThat(parsed.updating().skipDrain()).isTrue();
        assertThat(parsed.updating().maxSurge()).isEqualTo(Quantity.of(1));
        assertThat(parsed.updating().maxUnavailable()).isEqualTo(Quantity.of(0));
        assertThat(parsed.updating().healthyDeadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(parsed.updating().autoRollback()).isFalse();
    }

    @Test
    void ourFieldsParse() {
        GroupProperties parsed = GroupPropertiesParser.parse(props("{\"Allocation\":{\"Size\":8,\"MaxParallel\":4},"
                + "\"Updating\":{\"MaxSurge\":\"25%\",\"MaxUnavailable\":1,\"HealthyDeadline\":\"2m\","
                + "\"ProgressDeadline\":\"30m\",\"AutoRollback\":true}}"));

        assertThat(parsed.allocation().maxParallel()).isEqualTo(4);
        assertThat(parsed.updating().maxSurge()).isEqualTo(Quantity.percent(25));
        assertThat(parsed.updating().maxSurge().resolve(8, true)).isEqualTo(2);
        assertThat(parsed.updating().maxSurge().resolve(3, true)).isEqualTo(1);
        assertThat(Quantity.percent(25).resolve(3, false)).isZero();
        assertThat(parsed.updating().healthyDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(parsed.updating().progressDeadline()).isEqualTo(Duration.ofMinutes(30));
        assertThat(parsed.updating().autoRollback()).isTrue();
    }

    @Test
    void aCommitThatFailsValidationChangesNothing() {
        Harness harness = new Harness();
        harness.controller.commitGroup(Specs.cattle(2).spec(), false);
        harness.converge();

        assertThatThrownBy(() -> harness.controller.commitGroup(new io.infrakit.spi.group.GroupSpec(Specs.GROUP,
                props("{\"Allocation\":{\"Size\":5},\"Updating\":{\"MaxSurge\":-1}}")), false))
                .hasMessage("Properties.Updating.MaxSurge: must not be negative");
        harness.polls(2);
        assertThat(harness.controller.size(Specs.GROUP)).isEqualTo(2);
        assertThat(harness.alive()).hasSize(2);
        harness.close();
    }
}
