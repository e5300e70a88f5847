package io.infrakit.rpc;

import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeCheckTest {

    @Test
    void theExactVersionWithTheDefaultObjectPasses() {
        assertThat(HandshakeCheck.verify(PluginName.parse("sim"), InstancePlugin.INTERFACE,
                Map.of(InstancePlugin.INTERFACE, List.of(".")))).isEmpty();
    }

    @Test
    void aSingleObjectServesANameWithoutType() {
        assertThat(HandshakeCheck.verify(PluginName.parse("aws"), InstancePlugin.INTERFACE,
                Map.of(InstancePlugin.INTERFACE, List.of("ec2-instance")))).isEmpty();
    }

    @Test
    void aProxiedTypeMatchesItsLastPart() {
        assertThat(HandshakeCheck.verify(PluginName.parse("mux/aws/ec2-instance"), InstancePlugin.INTERFACE,
                Map.of(InstancePlugin.INTERFACE, List.of("ec2-instance", "ec2-volume")))).isEmpty();
    }

    @Test
    void withoutTheInterfaceTheMessageSaysWhatThePluginImplements() {
        Map<InterfaceSpec, List<String>> objects = new LinkedHashMap<>();
        objects.put(InterfaceSpec.parse("Flavor/0.1.1"), List.of("."));
        objects.put(InterfaceSpec.parse("Group/0.1.1"), List.of("."));

        assertThat(HandshakeCheck.verify(PluginName.parse("vanilla"), InstancePlugin.INTERFACE, objects))
                .get().isInstanceOf(IncompatiblePluginException.class)
                .extracting(Throwable::getMessage).isEqualTo(
                        "Plugin vanilla does not support interface Instance/0.6.1 (it implements Flavor/0.1.1, Group/0.1.1)");
        assertThat(HandshakeCheck.verify(PluginName.parse("empty"), InstancePlugin.INTERFACE, Map.of()))
                .get().extracting(Throwable::getMessage).isEqualTo(
                        "Plugin empty does not support interface Instance/0.6.1 (it implements no interface)");
    }

    @Test
    void withoutTheDefaultObjectAnUntypedNameIsUnknown() {
        assertThat(HandshakeCheck.verify(PluginName.parse("aws"), InstancePlugin.INTERFACE,
                Map.of(InstancePlugin.INTERFACE, List.of("ec2-instance", "ec2-volume"))))
                .get().isInstanceOf(PluginNotFoundException.class)
                .extracting(Throwable::getMessage)
                .isEqualTo("unknown plugin 'aws'; known: aws/ec2-instance, aws/ec2-volume");
    }
}
