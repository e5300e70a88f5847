package io.infrakit.examples.plugins;

import io.infrakit.examples.plugins.ExamplePlugin.Language;

/** The instance contract passes against python-instance/plugin.py over the wire. */
class PythonInstanceContractIT extends ExamplePluginContract {

    @Override
    Language language() {
        return Language.PYTHON;
    }
}
