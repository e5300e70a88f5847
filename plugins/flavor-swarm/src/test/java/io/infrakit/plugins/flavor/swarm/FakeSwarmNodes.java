package io.infrakit.plugins.flavor.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A swarm in memory: its state and nodes as a test sets them, and the changes the flavor asked for, in order. */
final class FakeSwarmNodes implements SwarmNodes {

    SwarmState state = new SwarmState("cluster-1", "SWMTKN-worker", "SWMTKN-manager", "10.0.0.1:2377");
    final List<SwarmNode> nodes = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    final List<String> hosts = new ArrayList<>();

    SwarmNodes at(String host) {
        hosts.add(host);
        return this;
    }

    SwarmNode add(String id, String link, String role, String state, String reachability) {
        SwarmNode node = new SwarmNode(id, 1, "host-" + id, Map.of(Link.LABEL, link), role, state, "active",
                reachability);
        nodes.add(node);
        return node;
    }

    @Override
    public SwarmState state() {
        return state;
    }

    @Override
    public List<SwarmNode> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public void drain(SwarmNode node) {
        changes.add("drain " + node.id());
    }

    @Override
    public void demote(SwarmNode node) {
        changes.add("demote " + node.id());
    }

    @Override
    public void remove(SwarmNode node) {
        changes.add("remove " + node.id());
        nodes.remove(node);
    }
}
