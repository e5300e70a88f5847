package io.infrakit.cli;

import io.infrakit.dsl.BuildImage;
import io.infrakit.playbooks.Infrastructure;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** A playbook acts through the manager; it is contacted (and started) only when a step needs it. */
final class ManagerInfrastructure implements Infrastructure {

    private final Supplier<ManagerConnection> connect;
    private ManagerConnection connection;

    ManagerInfrastructure(Supplier<ManagerConnection> connect) {
        this.connect = connect;
    }

    ManagerConnection connection() {
        if (connection == null) {
            connection = connect.get();
        }
        return connection;
    }

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        return connection().groups().commitGroup(spec, pretend);
    }

    @Override
    public void scaleGroup(GroupId id, int size) {
        connection().groups().setSize(id, size);
    }

    @Override
    public void destroyGroup(GroupId id) {
        connection().groups().destroyGroup(id);
    }

    @Override
    public Map<String, String> buildImage(BuildImage image, Path playbookRoot) {
        throw new InfrakitException("image " + image.file() + " (line " + image.line()
                + "): this infrakit cannot build images yet");
    }
}
