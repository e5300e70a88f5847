package io.infrakit.spi.instance;

import io.infrakit.spi.InfrakitException;

/** An instance ID the plugin does not know; a group controller reads it as "already gone". */
public class InstanceNotFoundException extends InfrakitException {

    private final InstanceId id;

    public InstanceNotFoundException(InstanceId id) {
        super("instance " + id + " not found");
        this.id = id;
    }

    public InstanceId id() {
        return id;
    }
}
