package io.infrakit.dsl.internal;

import groovy.lang.Binding;

/** The binding of a playbook script: the variables its top level assigns, and the session its DSL calls use. */
final class SessionBinding extends Binding {

    private final ScriptSession session;

    SessionBinding(ScriptSession session) {
        this.session = session;
    }

    ScriptSession session() {
        return session;
    }
}
