package io.infrakit.engine.group.plan;

import io.infrakit.spi.instance.LogicalId;

/**
 * A provision that is running, or that returned but whose instance the provider does not list yet: it counts
 * toward the group's size so a slow provider never makes the group create too many.
 */
public record PendingProvision(String configHash, LogicalId logicalId) {
}
