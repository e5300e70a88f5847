package io.infrakit.spi.stack;

import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.ObjectSpec;

import java.net.URI;
import java.util.List;

/**
 * InfraKit's {@code Stack/0.1.1} (methods {@code Manager.*}): the manager as a whole, its leadership and every spec
 * it enforces at once.
 */
public interface StackPlugin {

    InterfaceSpec INTERFACE = InterfaceSpec.of("Stack", "0.1.1");

    /** True only when this manager is certainly the leader. */
    boolean isLeader();

    /** Where the leader answers, as a URL a client can dial. */
    URI leaderLocation();

    /** Enforces these specs; a spec refused leaves every stored spec as it was. */
    void enforce(List<ObjectSpec> specs);

    /** The specs being enforced. */
    List<ObjectSpec> specs();

    /** Each enforced object with its current state. */
    List<ManagedObject> inspect();

    /** Destroys everything these specs made. */
    void terminate(List<ObjectSpec> specs);
}
