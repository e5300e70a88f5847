package io.infrakit.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which images a group spec or a VM's properties name: by hash, or by a path inside the image's directory. */
class ImageUsageTest {

    static final Path IMAGES = Path.of("/home/me/.infrakit/images");
    static final String A = "0123456789abcdef";
    static final String B = "fedcba9876543210";
    static final String C = "00000000aaaaaaaa";

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anImageIsUsedByWhatNamesItsHashOrAPathInsideItsDirectory() {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        users.put("group web", json("{\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": {\"Kernel\": \""
                + IMAGES + "/" + A + "/vmlinux\", \"Initrd\": \"" + IMAGES + "/" + A + "/initrd.img\"}}}"));
        users.put("group db", json("{\"Instance\": {\"Properties\": {\"Image\": \"" + B + "\", \"Disk\": \""
                + IMAGES + "/" + B + "/disk.qcow2\"}}}"));
        users.put("vm qemu-1a2b3c4d", json("{\"Disk\": \"" + IMAGES + "/../images/" + A + "/disk.qcow2\"}"));

        Map<String, List<String>> usedBy = ImageUsage.usedBy(List.of(A, B, C), IMAGES, users);

        assertThat(usedBy).containsExactly(
                Map.entry(A, List.of("group web", "vm qemu-1a2b3c4d")),
                Map.entry(B, List.of("group db")),
                Map.entry(C, List.of()));
    }

    @Test
    void aHashInsideOtherTextOrAPathOutsideTheImagesDirectoryIsNoUse() {
        Map<String, JsonNode> users = Map.of(
                "group a", json("{\"Init\": [\"echo " + A + "\"]}"),
                "group b", json("{\"Kernel\": \"/elsewhere/" + A + "/vmlinux\", \"Image\": \"" + A + "-old\"}"),
                "group c", json("{\"Kernel\": \"images/" + A + "/vmlinux\"}"));

        assertThat(ImageUsage.usedBy(List.of(A), IMAGES, users)).containsExactly(Map.entry(A, List.of()));
    }
}
