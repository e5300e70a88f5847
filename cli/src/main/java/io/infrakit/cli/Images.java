package io.infrakit.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.image.ImageBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where images are built and kept: {@code $INFRAKIT_HOME/images}; kernel modules from INFRAKIT_KERNEL_MODULES. */
public final class Images {

    public static final String MODULES_VARIABLE = "INFRAKIT_KERNEL_MODULES";

    private Images() {
    }

    public static Path directory(InfrakitHome home) {
        return home.root().resolve("images");
    }

    /** An image removed (or, with --dry-run, that would be), and the bytes that freed. */
    public record Removed(@JsonProperty("Hash") String hash,
                   @JsonProperty("Spec") String spec,
                   @JsonProperty("FreedBytes") long freedBytes) {
    }

    /** What image rm and image prune print: the images removed and the bytes freed in all. */
    public record Removal(@JsonProperty("Removed") List<Removed> removed,
                   @JsonProperty("FreedBytes") long freedBytes) {

        public Removal(List<Removed> removed) {
            this(List.copyOf(removed), removed.stream().mapToLong(Removed::freedBytes).sum());
        }

        public String text(boolean dryRun) {
            StringBuilder text = new StringBuilder();
            removed.forEach(image -> text.append(dryRun ? "would remove" : "removed").append(' ').append(image.hash()).append(" (")
                    .append(image.spec()).append("), ").append(bytes(image.freedBytes())).append('\n'));
            return text.append(removed.size()).append(removed.size() == 1 ? " image, " : " images, ")
                    .append(dryRun ? "at least " + bytes(freedBytes) + " would be freed\n"
                            : bytes(freedBytes) + " freed\n").toString();
        }
    }

    /** 512 bytes, 3.4 KiB, 12.0 MiB, 1.5 GiB. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static ImageBuilder builder(InfrakitHome home, Map<String, String> environment) {
        Path modules = Path.of(environment.getOrDefault(MODULES_VARIABLE, "/lib/modules"));
        return new ImageBuilder(directory(home), modules, Clock.systemUTC());
    }
}
