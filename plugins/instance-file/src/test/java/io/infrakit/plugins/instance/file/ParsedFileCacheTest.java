package io.infrakit.plugins.instance.file;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Describe parses only files that changed, and still sees every change a person makes by hand. */
class ParsedFileCacheTest {

    @TempDir
    Path directory;

    @Test
    void aFileEditedInPlaceIsReadAgain() throws Exception {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(InstanceSpec.of(Any.parse("{\"a\":1}"), Map.of("tier", "web")));
        assertThat(plugin.describeInstances(Map.of("tier", "web"), false)).hasSize(1);

        Path file = directory.resolve(id.value());
        Files.writeString(file, Files.readString(file).replace("\"web\"", "\"db\""));

        assertThat(plugin.describeInstances(Map.of("tier", "web"), false)).isEmpty();
        assertThat(plugin.describeInstances(Map.of("tier", "db"), false)).extracting(d -> d.id()).containsExactly(id);
    }

    @Test
    void aCorruptFileThatIsMendedComesBack() throws Exception {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(InstanceSpec.of(Any.parse("{\"a\":1}"), Map.of("tier", "web")));
        Path file = directory.resolve(id.value());
        String good = Files.readString(file);

        Files.writeString(file, "{ not json");
        assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();

        Files.writeString(file, good);
        assertThat(plugin.describeInstances(Map.of(), false)).hasSize(1);
    }

    @Test
    void aDeletedAndRecreatedInstanceIsNotConfusedWithTheOld() throws Exception {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(InstanceSpec.of(Any.parse("{\"a\":1}"), Map.of("v", "1")));
        assertThat(plugin.describeInstances(Map.of("v", "1"), false)).hasSize(1);

        plugin.label(id, Map.of("v", "2"));

        assertThat(plugin.describeInstances(Map.of("v", "1"), false)).isEmpty();
        assertThat(plugin.describeInstances(Map.of("v", "2"), false)).hasSize(1);
    }
}
