package io.infrakit.testkit;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstancePlugin;

import java.util.List;

class FakeInstancePluginContractTest extends InstancePluginContractTest {

    @Override
    protected InstancePlugin plugin() {
        return new FakeInstancePlugin();
    }

    @Override
    protected Any validProperties() {
        return Any.parse("{\"size\":\"small\"}");
    }

    @Override
    protected List<InvalidProperties> invalidProperties() {
        return List.of(InvalidProperties.of("[1,2]", "must be a JSON object"));
    }
}
