package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginName;

/**
 * One element of the combo's properties: the flavor plugin to run and its own properties; {@code position} is the
 * element's place in the list, for messages ({@code Properties[1]}).
 */
record ChildFlavor(int position, PluginName plugin, Any properties) {

    String where() {
        return "Properties[" + position + "] '" + plugin + "'";
    }
}
