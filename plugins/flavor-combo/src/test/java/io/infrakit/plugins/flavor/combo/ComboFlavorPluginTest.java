package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComboFlavorPluginTest {

    static final Any AB = Any.parse("""
            [{"Plugin": "a", "Properties": {"n": 1}}, {"Plugin": "b"}]""");
    static final Allocation SIZE_2 = Allocation.ofSize(2);
    static final Index INDEX = new Index("web", 3);
    static final InstanceDescription INSTANCE = new InstanceDescription(InstanceId.of("i-1"), null, Map.of(), null);

    final ScriptedFlavorPlugin a = new ScriptedFlavorPlugin();
    final ScriptedFlavorPlugin b = new ScriptedFlavorPlugin();
    final ComboFlavorPlugin combo = new ComboFlavorPlugin(new FlavorsByName(Map.of("a", a, "b", b)));

    @Test
    void eachChildPreparesTheInputSpecAndTheOutputsAreMergedInOrder() {
        List<InstanceSpec> seen = new ArrayList<>();
        a.prepareWith(spec -> {
            seen.add(spec);
            return spec.withInit("echo a").withTags(Map.of("shared", "a", "only-a", "1"))
                    .withAttachments(List.of(new Attachment("vol-a", "disk")))
                    .withLogicalId(LogicalId.of("changed-by-a"));
        });
        b.prepareWith(spec -> {
            seen.add(spec);
            return spec.withInit("echo b").withTags(Map.of("shared", "b"))
                    .withAttachments(List.of(new Attachment("vol-b", "disk")));
        });
        InstanceSpec input = new InstanceSpec(Any.parse("{\"Note\": 1}"), Map.of("infrakit.group", "web"), "",
                LogicalId.of("10.0.0.1"), List.of());

        InstanceSpec merged = combo.prepare(AB, input, SIZE_2, INDEX);

        assertThat(seen).containsExactly(input, input);
        assertThat(merged.init()).isEqualTo("echo a\necho b");
        assertThat(merged.tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("infrakit.group", "web", "shared", "b", "only-a", "1"));
        assertThat(merged.attachments()).containsExactly(new Attachment("vol-a", "disk"), new Attachment("vol-b", "disk"));
        assertThat(merged.logicalId()).isEqualTo(LogicalId.of("10.0.0.1"));
        assertThat(merged.properties()).isEqualTo(input.properties());
        assertThat(a.prepared()).containsExactly(INDEX);
    }

    @Test
    void anInputInitComesFirstAndAChildThatKeepsItRepeatsItAsInInfraKit() {
        a.prepareWith(spec -> spec.withInit(spec.init() + "\necho a"));
        b.prepareWith(spec -> spec.withInit(""));

        InstanceSpec merged = combo.prepare(AB, InstanceSpec.of(Any.empty(), Map.of()).withInit("boot"), SIZE_2, INDEX);

        assertThat(merged.init()).isEqualTo("boot\nboot\necho a");
    }

    @Test
    void healthIsTheFirstAnswerThatIsNotHealthyInOrder() {
        assertThat(combo.healthy(AB, INSTANCE)).isEqualTo(Health.HEALTHY);

        b.health(instance -> Health.UNHEALTHY);
        assertThat(combo.healthy(AB, INSTANCE)).isEqualTo(Health.UNHEALTHY);

        a.health(instance -> Health.UNKNOWN);
        assertThat(combo.healthy(AB, INSTANCE)).as("a is asked first").isEqualTo(Health.UNKNOWN);
    }

    @Test
    void drainDrainsEveryChildInOrderEvenAfterOneFails() {
        List<String> order = new ArrayList<>();
        ComboFlavorPlugin failing = new ComboFlavorPlugin(new FlavorsByName(Map.of(
                "a", drainsBy(() -> {
                    order.add("a");
                    throw new PluginException("a", "Flavor.Drain", "node busy");
                }),
                "b", drainsBy(() -> order.add("b")))));

        assertThatThrownBy(() -> failing.drain(AB, INSTANCE))
                .isInstanceOf(PluginException.class).hasMessage("node busy");
        assertThat(order).containsExactly("a", "b");

        combo.drain(AB, INSTANCE);
        assertThat(a.drained()).containsExactly(INSTANCE);
        assertThat(b.drained()).containsExactly(INSTANCE);
    }

    @Test
    void validateHasEveryChildValidateItsOwnProperties() {
        List<Any> validated = new ArrayList<>();
        a.validateWith(validated::add);
        b.validateWith(properties -> {
            throw new InvalidSpecException("unknown b property \"x\"");
        });

        assertThatThrownBy(() -> combo.validate(AB, SIZE_2))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("combo Flavor.Validate: Properties[1] 'b': unknown b property \"x\"");
        assertThat(validated).containsExactly(Any.parse("{\"n\": 1}"));
    }

    @Test
    void aMissingChildIsAMissingPluginNamingTheComboTheOperationAndTheChild() {
        Any withMissing = Any.parse("[{\"Plugin\": \"a\"}, {\"Plugin\": \"nosuch\"}]");
        String known = "unknown plugin 'nosuch'; known: a, b";

        for (var call : List.<Map.Entry<String, Runnable>>of(
                Map.entry("Validate", () -> combo.validate(withMissing, SIZE_2)),
                Map.entry("Prepare", () -> combo.prepare(withMissing, InstanceSpec.of(Any.empty(), Map.of()), SIZE_2, INDEX)),
                Map.entry("Healthy", () -> combo.healthy(withMissing, INSTANCE)),
                Map.entry("Drain", () -> combo.drain(withMissing, INSTANCE)))) {
            assertThatThrownBy(call.getValue()::run)
                    .isInstanceOf(PluginNotFoundException.class)
                    .hasMessage("combo Flavor." + call.getKey() + ": Properties[1] 'nosuch': no such flavor plugin: "
                            + known);
        }
        assertThat(a.drained()).as("the child that exists is still drained").containsExactly(INSTANCE);
    }

    @Test
    void propertiesAreReadStrictly() {
        assertThatThrownBy(() -> combo.validate(Any.parse("{\"Flavors\": []}"), SIZE_2))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("combo flavor properties must be a list of {\"Plugin\": name, \"Properties\": ...} objects,"
                        + " got {\"Flavors\":[]}");
        assertThatThrownBy(() -> combo.validate(Any.parse("[{\"Plugin\": \"a\", \"properties\": {}}]"), SIZE_2))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("unknown combo flavor property \"Properties[0].properties\" (did you mean \"Properties\"?)");
        assertThatThrownBy(() -> combo.validate(Any.parse("[{\"Properties\": {}}]"), SIZE_2))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("combo flavor property \"Properties[0].Plugin\" must be a plugin name, got nothing");
        assertThatThrownBy(() -> combo.validate(Any.parse("[{\"Plugin\": \"a b\"}]"), SIZE_2))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("combo flavor property \"Properties[0].Plugin\": invalid plugin name 'a b'");
    }

    @Test
    void noChildrenLeaveTheSpecAsItCameAndTheInstanceHealthy() {
        InstanceSpec input = InstanceSpec.of(Any.empty(), Map.of("k", "v")).withInit("boot");

        assertThat(combo.prepare(Any.parse("[]"), input, SIZE_2, INDEX)).isEqualTo(input);
        assertThat(combo.prepare(Any.empty(), input, SIZE_2, INDEX)).isEqualTo(input);
        assertThat(combo.healthy(Any.empty(), INSTANCE)).isEqualTo(Health.HEALTHY);
    }

    /** A flavor whose drain runs {@code drain}; nothing else of it is used. */
    private static FlavorPlugin drainsBy(Runnable drain) {
        return new FlavorPlugin() {
            @Override
            public void validate(Any properties, Allocation allocation) {
            }

            @Override
            public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
                return spec;
            }

            @Override
            public Health healthy(Any properties, InstanceDescription instance) {
                return Health.HEALTHY;
            }

            @Override
            public void drain(Any properties, InstanceDescription instance) {
                drain.run();
            }
        };
    }
}
