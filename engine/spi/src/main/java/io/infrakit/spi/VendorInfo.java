package io.infrakit.spi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who made a plugin, shown in {@code /info/api.json}. */
public record VendorInfo(@JsonProperty("Name") String name,
                         @JsonProperty("Version") String version,
                         @JsonProperty("URL") String url) {
}
