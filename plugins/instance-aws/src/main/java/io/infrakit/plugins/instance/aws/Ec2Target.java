package io.infrakit.plugins.instance.aws;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a spec's instances live when its properties override the plugin's settings ({@code Region},
 * {@code Endpoint}, {@code Profile}); what a spec leaves empty is the plugin's. One EC2 client per distinct target.
 */
record Ec2Target(Optional<String> region, Optional<URI> endpoint, Optional<String> profile) {

    /** No override: the plugin's own settings. */
    static final Ec2Target PLUGIN = new Ec2Target(Optional.empty(), Optional.empty(), Optional.empty());

    Ec2Target {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(profile, "profile");
    }
}
