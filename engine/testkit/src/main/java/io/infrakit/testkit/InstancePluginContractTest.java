package io.infrakit.testkit;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every instance plugin must do, as one suite each plugin's tests extend (a TCK): provision, describe by tags
 * (InfraKit's AND match), label, destroy, and validate. The plugin's own behaviour belongs in its own tests.
 *
 * <p>A subclass supplies a fresh plugin per test (create it in a {@code @BeforeEach}, with a {@code @TempDir}
 * if it needs one), the properties it accepts, and properties it must reject.
 */
public abstract class InstancePluginContractTest {

    private InstancePlugin subject;

    /**
     * The plugin under test, holding no instances, because the contract counts what describe returns. It is
     * asked for once per test, after the subclass's {@code @BeforeEach} methods have run.
     */
    protected abstract InstancePlugin plugin();

    /**
     * Properties the plugin accepts; every instance in the contract is provisioned with them. They must not be
     * empty, so that describe with properties has something to show.
     */
    protected abstract Any validProperties();

    /** Properties the plugin must reject, each with a fragment of the message that names the problem. */
    protected abstract List<InvalidProperties> invalidProperties();

    /** An ID the plugin never hands out. */
    protected InstanceId unknownInstanceId() {
        return InstanceId.of("instance-that-was-never-provisioned");
    }

    /** Properties validate must reject, and a fragment of the message that must name the problem. */
    public record InvalidProperties(Any properties, String messageFragment) {

        public InvalidProperties {
            Objects.requireNonNull(properties, "properties");
            Objects.requireNonNull(messageFragment, "messageFragment");
        }

        public static InvalidProperties of(String json, String messageFragment) {
            return new InvalidProperties(Any.parse(json), messageFragment);
        }
    }

    @BeforeEach
    void forgetThePreviousTestsPlugin() {
        subject = null;
    }

    @Test
    public void provisionReturnsAnId() {
        InstanceId id = provision(Map.of("role", "web"));

        assertThat(id).isNotNull();
        assertThat(id.value()).isNotBlank();
    }

    @Test
    public void provisionGivesEveryInstanceItsOwnId() {
        List<InstanceId> ids = List.of(
                provision(Map.of("role", "web")), provision(Map.of("role", "web")), provision(Map.of("role", "web")));

        assertThat(new HashSet<>(ids)).hasSize(3);
    }

    @Test
    public void describeReturnsExactlyTheInstancesCarryingAllTheTags() {
        InstanceId webA = provision(Map.of("infrakit.group", "web", "zone", "a"));
        InstanceId webB = provision(Map.of("infrakit.group", "web", "zone", "b"));
        InstanceId dbA = provision(Map.of("infrakit.group", "db", "zone", "a"));

        assertThat(idsOf(describe(Map.of("infrakit.group", "web")))).containsExactlyInAnyOrder(webA, webB);
        assertThat(idsOf(describe(Map.of("zone", "a")))).containsExactlyInAnyOrder(webA, dbA);
        assertThat(idsOf(describe(Map.of("infrakit.group", "web", "zone", "a")))).containsExactly(webA);
        assertThat(describe(Map.of("infrakit.group", "web", "zone", "c"))).isEmpty();
        assertThat(describe(Map.of("infrakit.group", "cache"))).isEmpty();
    }

    @Test
    public void describeWithoutTagsReturnsEveryInstance() {
        InstanceId web = provision(Map.of("infrakit.group", "web"));
        InstanceId db = provision(Map.of("infrakit.group", "db"));
        InstanceId untaggedGroup = provision(Map.of("role", "other"));

        assertThat(idsOf(describe(Map.of()))).containsExactlyInAnyOrder(web, db, untaggedGroup);
    }

    @Test
    public void describeCarriesTheIdTagsAndLogicalId() {
        Map<String, String> tags = Map.of("infrakit.group", "pets", "infrakit.logical_id", "10.0.0.7");
        InstanceSpec spec = spec(tags).withLogicalId(LogicalId.of("10.0.0.7"));
        InstanceId id = underTest().provision(spec);

        assertThat(describe(Map.of("infrakit.group", "pets"))).singleElement().satisfies(instance -> {
            assertThat(instance.id()).isEqualTo(id);
            assertThat(instance.tags()).containsAllEntriesOf(tags);
            assertThat(instance.logicalIdIfAny()).contains(LogicalId.of("10.0.0.7"));
        });
    }

    @Test
    public void describeWithPropertiesIncludesThem() {
        assertThat(validProperties().isEmpty())
                .as("validProperties() must not be empty, or this test cannot see them").isFalse();
        provision(Map.of("infrakit.group", "web"));

        assertThat(underTest().describeInstances(Map.of("infrakit.group", "web"), true))
                .singleElement().satisfies(instance -> assertThat(instance.properties().isEmpty()).isFalse());
    }

    @Test
    public void describeWithoutPropertiesOmitsThem() {
        provision(Map.of("infrakit.group", "web"));

        assertThat(describe(Map.of("infrakit.group", "web")))
                .singleElement().satisfies(instance -> assertThat(instance.properties().isEmpty()).isTrue());
    }

    @Test
    public void labelKeepsExistingTagsAndOverwritesTheGivenOnes() {
        InstanceId id = provision(Map.of("infrakit.group", "web", "infrakit.config.hash", "old"));

        underTest().label(id, Map.of("infrakit.config.hash", "new", "owner", "ops"));

        assertThat(describe(Map.of("infrakit.group", "web"))).singleElement().satisfies(instance ->
                assertThat(instance.tags()).containsAllEntriesOf(
                        Map.of("infrakit.group", "web", "infrakit.config.hash", "new", "owner", "ops"))
                        .doesNotContainEntry("infrakit.config.hash", "old"));
    }

    @Test
    public void labelledTagsAreSearchable() {
        InstanceId canary = provision(Map.of("infrakit.group", "web"));
        provision(Map.of("infrakit.group", "web"));

        underTest().label(canary, Map.of("canary", "yes"));

        assertThat(idsOf(describe(Map.of("canary", "yes")))).containsExactly(canary);
        assertThat(idsOf(describe(Map.of("infrakit.group", "web", "canary", "yes")))).containsExactly(canary);
        assertThat(describe(Map.of("infrakit.group", "web"))).hasSize(2);
    }

    @Test
    public void labelCanMoveAnInstanceToAnotherGroup() {
        InstanceId id = provision(Map.of("infrakit.group", "web"));

        underTest().label(id, Map.of("infrakit.group", "db"));

        assertThat(describe(Map.of("infrakit.group", "web"))).isEmpty();
        assertThat(idsOf(describe(Map.of("infrakit.group", "db")))).containsExactly(id);
    }

    @Test
    public void destroyedInstanceIsNoLongerDescribed() {
        InstanceId doomed = provision(Map.of("infrakit.group", "web"));
        InstanceId survivor = provision(Map.of("infrakit.group", "web"));

        underTest().destroy(doomed, DestroyReason.TERMINATE);

        assertThat(idsOf(describe(Map.of("infrakit.group", "web")))).containsExactly(survivor);
        assertThat(idsOf(describe(Map.of()))).containsExactly(survivor);
    }

    @Test
    public void destroyOfAnUnknownIdThrowsInstanceNotFound() {
        InstanceId destroyed = provision(Map.of("infrakit.group", "web"));
        underTest().destroy(destroyed, DestroyReason.ROLLING_UPDATE);

        assertThatThrownBy(() -> underTest().destroy(destroyed, DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> underTest().destroy(unknownInstanceId(), DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    public void labelOfAnUnknownIdThrowsInstanceNotFound() {
        InstanceId destroyed = provision(Map.of("infrakit.group", "web"));
        underTest().destroy(destroyed, DestroyReason.TERMINATE);

        assertThatThrownBy(() -> underTest().label(destroyed, Map.of("a", "b")))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> underTest().label(unknownInstanceId(), Map.of("a", "b")))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThat(describe(Map.of("a", "b"))).isEmpty();
    }

    @Test
    public void validateAcceptsTheValidProperties() {
        assertThatCode(() -> underTest().validate(validProperties())).doesNotThrowAnyException();
    }

    @Test
    public void validateRejectsInvalidPropertiesNamingTheProblem() {
        List<InvalidProperties> cases = invalidProperties();
        assertThat(cases).as("invalidProperties() must give at least one example").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        for (InvalidProperties invalid : cases) {
            softly.assertThatThrownBy(() -> underTest().validate(invalid.properties()))
                    .as("validate(%s)", invalid.properties())
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining(invalid.messageFragment());
        }
        softly.assertAll();
    }

    /** The plugin of this test, asked for once. */
    protected final InstancePlugin underTest() {
        if (subject == null) {
            subject = Objects.requireNonNull(plugin(), "plugin() returned null");
        }
        return subject;
    }

    private InstanceSpec spec(Map<String, String> tags) {
        return InstanceSpec.of(validProperties(), tags);
    }

    private InstanceId provision(Map<String, String> tags) {
        return underTest().provision(spec(tags));
    }

    private List<InstanceDescription> describe(Map<String, String> tags) {
        return underTest().describeInstances(tags, false);
    }

    private static List<InstanceId> idsOf(List<InstanceDescription> instances) {
        return instances.stream().map(InstanceDescription::id).toList();
    }
}
