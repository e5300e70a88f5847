package io.infrakit.examples.plugins;

import io.infrakit.examples.plugins.ExamplePlugin.Language;

/** The instance contract passes against perl-instance/plugin.pl over the wire. */
class PerlInstanceContractIT extends ExamplePluginContract {

    @Override
    Language language() {
        return Language.PERL;
    }
}
