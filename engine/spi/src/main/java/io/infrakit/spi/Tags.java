package io.infrakit.spi;

/** The tags InfraKit writes on instances; they are the only state the engine keeps about an instance. */
public final class Tags {

    public static final String GROUP = "infrakit.group";
    public static final String CONFIG_HASH = "infrakit.config.hash";
    public static final String LOGICAL_ID = "infrakit.logical_id";
    public static final String CLUSTER_ID = "infrakit.cluster.id";
    /** The config hash value that asks the group controller to adopt an instance. */
    public static final String BOOTSTRAP_HASH = "bootstrap";

    private Tags() {
    }
}
