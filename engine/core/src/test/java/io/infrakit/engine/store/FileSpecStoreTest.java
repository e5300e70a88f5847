package io.infrakit.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.testkit.wire.GoStoreFile;
import io.infrakit.spi.InfrakitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSpecStoreTest {

    @TempDir
    Path configs;

    @Test
    void loadsNothingWhenNothingWasSaved() {
        assertThat(new FileSpecStore(configs).load()).isEmpty();
    }

    @Test
    void savesInfrakitsGlobalDocumentAndReadsItBackInVisitOrder() throws Exception {
        FileSpecStore store = new FileSpecStore(configs);
        StoredSpec workers = group("workers");
        StoredSpec ingress = new StoredSpec(new SpecKey("ingress", "lb"), workers.record());
        StoredSpec managers = group("managers");

        store.save(List.of(ingress, workers, managers));

        assertThat(store.load()).extracting(spec -> spec.key().name()).containsExactly("managers", "workers", "lb");
        String text = Files.readString(configs.resolve("global.config"));
        assertThat(text).contains("\"Key\"", "\"Kind\" : \"group\"", "\"Handler\" : \"group-stateless\"",
                "\"metadata\"", "\"properties\"");
    }

    /** An InfraKit (Go) home's store, as its manager left it, is ours as it is: the same path and the same format. */
    @Test
    void readsTheStoreInfraKitWrote() throws Exception {
        JsonNode cattle = GoStoreFile.cattleSpec();
        Files.writeString(configs.resolve("global.config"), GoStoreFile.globalConfig(List.of(cattle)));

        List<StoredSpec> stored = new FileSpecStore(configs).load();

        assertThat(stored).extracting(spec -> spec.key()).containsExactly(SpecKey.group("cattle"));
        assertThat(stored.get(0).record().handler()).isEqualTo("group-stateless");
        assertThat(stored.get(0).record().spec().metadata()).isEqualTo(Map.of("name", "cattle"));
        assertThat((JsonNode) Json.mapper().valueToTree(stored.get(0).record().spec().properties()))
                .isEqualTo(cattle.path("Properties"));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        FileSpecStore store = new FileSpecStore(configs);
        store.save(List.of(group("a")));
        store.save(List.of(group("a"), group("b")));

        try (var files = Files.list(configs)) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("global.config");
        }
    }

    @Test
    void namesFileAndLineOfACorruptDocument() throws Exception {
        Files.writeString(configs.resolve("global.config"), "[\n  {\"Key\": \n");

        assertThatThrownBy(() -> new FileSpecStore(configs).load())
                .isInstanceOf(InfrakitException.class)
                .hasMessageStartingWith(configs.resolve("global.config") + ":3:");
    }

    static StoredSpec group(String id) {
        return new StoredSpec(SpecKey.group(id), new SpecRecord("group-stateless",
                new SpecRecord.Spec("group", "Group/0.1.1", Map.of("name", id), Any.parse("{\"Size\":3}"))));
    }
}
