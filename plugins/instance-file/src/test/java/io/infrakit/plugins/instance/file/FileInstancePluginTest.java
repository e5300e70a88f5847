package io.infrakit.plugins.instance.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileInstancePluginTest {

    private static final Any PROPERTIES = Any.parse("{\"image\": \"alpine\"}");
    private static final InstanceSpec WEB = InstanceSpec.of(PROPERTIES, Map.of(Tags.GROUP, "web"));

    @TempDir
    Path directory;

    @Test
    void provisionWritesOneFileNamedByTheId() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);

        InstanceId id = plugin.provision(WEB);

        assertThat(id.value()).matches("instance-[0-9]+");
        assertThat(fileNames()).containsExactly(id.value());
    }

    @Test
    void theFileHoldsInfrakitsKeysAndTheWholeSpec() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceSpec spec = new InstanceSpec(PROPERTIES, Map.of(Tags.GROUP, "db"), "echo hello",
                LogicalId.of("10.0.0.5"), List.of(new Attachment("vol-1", "ebs")));

        InstanceId id = plugin.provision(spec);

        JsonNode content = Json.mapper().readTree(directory.resolve(id.value()).toFile());
        assertThat(content.fieldNames()).toIterable().containsExactly("ID", "LogicalID", "Tags", "Spec");
        assertThat(content.get("ID").asText()).isEqualTo(id.value());
        assertThat(content.get("LogicalID").asText()).isEqualTo("10.0.0.5");
        assertThat(content.get("Tags")).isEqualTo(Json.mapper().readTree("{\"infrakit.group\": \"db\"}"));
        assertThat(Json.mapper().treeToValue(content.get("Spec"), InstanceSpec.class)).isEqualTo(spec);
    }

    @Test
    void labelRewritesTheFileWithMergedTagsAndKeepsTheSpec() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(WEB);

        plugin.label(id, Map.of("owner", "ops"));

        JsonNode content = Json.mapper().readTree(directory.resolve(id.value()).toFile());
        assertThat(content.get("Tags")).isEqualTo(Json.mapper().readTree(
                "{\"infrakit.group\": \"web\", \"owner\": \"ops\"}"));
        assertThat(content.get("Spec").get("Tags")).isEqualTo(Json.mapper().readTree("{\"infrakit.group\": \"web\"}"));
    }

    @Test
    void destroyDeletesTheFile() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId doomed = plugin.provision(WEB);
        InstanceId survivor = plugin.provision(WEB);

        plugin.destroy(doomed, DestroyReason.TERMINATE);

        assertThat(fileNames()).containsExactly(survivor.value());
    }

    @Test
    void aFileDeletedByHandIsAnInstanceThatDied() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId dead = plugin.provision(WEB);
        InstanceId alive = plugin.provision(WEB);

        Files.delete(directory.resolve(dead.value()));

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false))
                .extracting(InstanceDescription::id).containsExactly(alive);
        assertThatThrownBy(() -> plugin.destroy(dead, DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> plugin.label(dead, Map.of("a", "b")))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void describeWithPropertiesReturnsTheWholeProvisionedSpecAsInfrakitsFilePluginDoes() {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        plugin.provision(WEB);

        assertThat(plugin.describeInstances(Map.of(), true))
                .extracting(instance -> instance.properties().decode(InstanceSpec.class)).containsExactly(WEB);
        assertThat(plugin.describeInstances(Map.of(), true).get(0).properties().node().path("Properties"))
                .isEqualTo(PROPERTIES.node());
    }

    @Test
    void whatThePluginWroteIsDescribedAsAnotherPluginReadsItFromTheFile() {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceSpec spec = new InstanceSpec(Any.parse("{\"image\": \"alpine\", \"cpus\": 1.5, \"tags\": [\"a\"]}"),
                Map.of(Tags.GROUP, "web", "tier", "front"), "echo hi", LogicalId.of("web-1"),
                List.of(new Attachment("disk", "volume")));
        InstanceId id = plugin.provision(spec);
        plugin.label(id, Map.of("round", "1"));

        assertThat(plugin.describeInstances(Map.of(), true))
                .isEqualTo(new FileInstancePlugin(directory).describeInstances(Map.of(), true))
                .singleElement().satisfies(instance -> assertThat(instance.tags()).containsEntry("round", "1"));
    }

    @Test
    void aFileReplacedByHandAfterTheWriteIsReadAgain() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(WEB);
        Files.writeString(directory.resolve(id.value()), "{\"ID\": \"x\", \"Tags\": {\"infrakit.group\": \"db\"}}");

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "db"), false))
                .extracting(InstanceDescription::id).containsExactly(id);
    }

    @Test
    void aCorruptFileIsSkippedAndTheOthersAreStillDescribed() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId good = plugin.provision(WEB);
        Files.writeString(directory.resolve("instance-1"), "{ not json");
        Files.writeString(directory.resolve("instance-2"), "{\"ID\": \"instance-2\", \"Tags\": 5}");

        assertThat(plugin.describeInstances(Map.of(), false)).extracting(InstanceDescription::id).containsExactly(good);
    }

    @Test
    void onlyInstanceFilesAreRead() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        InstanceId id = plugin.provision(WEB);
        Files.writeString(directory.resolve("notes.txt"), "{\"ID\": \"notes\"}");
        Files.writeString(directory.resolve("." + id.value() + "-123.tmp"), "{\"ID\": \"leftover\"}");
        Files.createDirectory(directory.resolve("instance-3"));

        assertThat(plugin.describeInstances(Map.of(), false)).extracting(InstanceDescription::id).containsExactly(id);
    }

    @Test
    void aHandWrittenFileIsAnInstanceNamedAfterTheFile() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        Files.writeString(directory.resolve("instance-77"),
                "{\"ID\": \"something-else\", \"Tags\": {\"infrakit.group\": \"web\"}}");

        assertThat(plugin.describeInstances(Map.of(Tags.GROUP, "web"), false))
                .extracting(InstanceDescription::id).containsExactly(InstanceId.of("instance-77"));
        plugin.destroy(InstanceId.of("instance-77"), DestroyReason.TERMINATE);
        assertThat(fileNames()).isEmpty();
    }

    @Test
    void writesLeaveNoTempFilesBehind() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory);
        for (int i = 0; i < 5; i++) {
            InstanceId id = plugin.provision(WEB);
            plugin.label(id, Map.of("round", String.valueOf(i)));
        }

        assertThat(fileNames()).hasSize(5).allSatisfy(name -> assertThat(name).matches("instance-[0-9]+"));
    }

    @Test
    void anIdThatIsNotAFileInTheDirectoryIsUnknown() throws IOException {
        FileInstancePlugin plugin = new FileInstancePlugin(directory.resolve("instances"));
        Path outside = Files.writeString(directory.resolve("instance-9"), "{}");

        assertThatThrownBy(() -> plugin.destroy(InstanceId.of("../instance-9"), DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> plugin.destroy(InstanceId.of("instance-1/../../instance-9"), DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThat(outside).exists();
    }

    @Test
    void createsAMissingDirectory() {
        Path nested = directory.resolve("a/b/c");

        FileInstancePlugin plugin = new FileInstancePlugin(nested);
        plugin.provision(WEB);

        assertThat(nested).isDirectory();
        assertThat(plugin.directory()).isEqualTo(nested.toAbsolutePath());
    }

    @Test
    void startingRemovesTheHalfWrittenFilesOfAPluginKilledMidWriteAndKeepsItsInstances() throws IOException {
        InstanceId id = new FileInstancePlugin(directory).provision(WEB);
        Files.writeString(directory.resolve("." + id.value() + "5077214431390123456.tmp"), "{\"ID\": \"inst");
        Files.writeString(directory.resolve(".instance-778820112.tmp"), "");

        FileInstancePlugin restarted = new FileInstancePlugin(directory);

        assertThat(fileNames()).containsExactly(id.value());
        assertThat(restarted.describeInstances(Map.of(), false)).extracting(InstanceDescription::id).containsExactly(id);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
