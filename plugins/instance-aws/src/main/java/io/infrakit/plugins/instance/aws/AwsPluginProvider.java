package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.util.Map;

/**
 * The {@code aws} plugin: EC2 instances, as {@code aws} and, as InfraKit names it, {@code aws/ec2-instance}
 * (one plugin, two names). Settings from the environment: {@link AwsSettings}, {@link Ec2Clients}.
 */
public final class AwsPluginProvider implements PluginProvider {

    public static final String NAME = "aws";
    public static final String EC2_INSTANCE = "ec2-instance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EC2 instances (InfraKit's aws/ec2-instance), tagged with a namespace";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        return objects(AwsSettings.fromEnvironment(context.environment()));
    }

    public static PluginObjects objects(AwsSettings settings) {
        InstancePlugin plugin = AwsInstancePlugin.connectingOnFirstCall(NAME, settings);
        return new PluginObjects(Map.of(PluginObjects.DEFAULT_TYPE, plugin, EC2_INSTANCE, plugin), Map.of(), Map.of());
    }
}
