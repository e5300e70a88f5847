package io.infrakit.testkit;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptedFlavorPluginTest {

    private final InstanceDescription one = instance("i-1");
    private final InstanceDescription two = instance("i-2");

    @Test
    void everyInstanceIsHealthyUnlessScriptedOtherwise() {
        ScriptedFlavorPlugin flavor = new ScriptedFlavorPlugin();

        assertThat(flavor.healthy(Any.empty(), one)).isEqualTo(Health.HEALTHY);
    }

    @Test
    void healthComesFromTheFunctionAndPerInstanceOverridesWin() {
        ScriptedFlavorPlugin flavor = new ScriptedFlavorPlugin(
                instance -> instance.id().value().equals("i-1") ? Health.UNHEALTHY : Health.UNKNOWN);

        assertThat(flavor.healthy(Any.empty(), one)).isEqualTo(Health.UNHEALTHY);
        assertThat(flavor.healthy(Any.empty(), two)).isEqualTo(Health.UNKNOWN);

        flavor.health(InstanceId.of("i-2"), Health.HEALTHY);
        assertThat(flavor.healthy(Any.empty(), two)).isEqualTo(Health.HEALTHY);

        flavor.health(instance -> Health.HEALTHY);
        assertThat(flavor.healthy(Any.empty(), one)).isEqualTo(Health.HEALTHY);
    }

    @Test
    void preparesWithTheScriptAndRecordsTheIndex() {
        ScriptedFlavorPlugin flavor = new ScriptedFlavorPlugin()
                .prepareWith(spec -> spec.withTags(Map.of("flavor", "scripted")));
        InstanceSpec spec = InstanceSpec.of(Any.empty(), Map.of("infrakit.group", "web"));

        InstanceSpec prepared = flavor.prepare(Any.empty(), spec, Allocation.ofSize(1), new Index("web", 3));

        assertThat(prepared.tags()).containsEntry("flavor", "scripted").containsEntry("infrakit.group", "web");
        assertThat(flavor.prepared()).containsExactly(new Index("web", 3));
    }

    @Test
    void validatesWithTheScriptedCheck() {
        ScriptedFlavorPlugin flavor = new ScriptedFlavorPlugin();
        assertThatCode(() -> flavor.validate(Any.parse("[1]"), Allocation.ofSize(1))).doesNotThrowAnyException();

        flavor.validateWith(properties -> {
            throw new InvalidSpecException("no");
        });

        assertThatThrownBy(() -> flavor.validate(Any.empty(), Allocation.ofSize(1))).hasMessage("no");
    }

    @Test
    void recordsDrainedInstances() {
        ScriptedFlavorPlugin flavor = new ScriptedFlavorPlugin();

        flavor.drain(Any.empty(), one);
        flavor.drain(Any.empty(), two);

        assertThat(flavor.drained()).containsExactly(one, two);
    }

    private static InstanceDescription instance(String id) {
        return new InstanceDescription(InstanceId.of(id), null, Map.of(), Any.empty());
    }
}
