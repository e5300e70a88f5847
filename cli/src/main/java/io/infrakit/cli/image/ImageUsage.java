package io.infrakit.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.CommittedGroups;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.plugins.instance.qemu.QemuPluginProvider;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which images are in use: named by a committed group spec or by a running VM's properties, by hash ({@code
 * "Image": "<hash>"}) or by a path inside the image's directory ({@code "Kernel": ".../images/<hash>/kernel"}).
 */
final class ImageUsage {

    private ImageUsage() {
    }

    /** For each image hash, who names it ({@code group web}, {@code vm qemu-1a2b3c4d}); empty for an unused one. */
    static Map<String, List<String>> usedBy(Collection<String> hashes, Path imagesDir, Map<String, JsonNode> users) {
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        for (String hash : hashes) {
            Path directory = imagesDir.toAbsolutePath().normalize().resolve(hash);
            List<String> names = new ArrayList<>();
            users.forEach((user, properties) -> {
                if (names(properties, hash, directory)) {
                    names.add(user);
                }
            });
            usedBy.put(hash, List.copyOf(names));
        }
        return usedBy;
    }

    private static boolean names(JsonNode node, String hash, Path directory) {
        if (node.isTextual()) {
            String text = node.textValue().strip();
            return text.equals(hash) || inside(text, directory);
        }
        for (JsonNode child : node) {
            if (names(child, hash, directory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(String text, Path directory) {
        try {
            return text.startsWith("/") && Path.of(text).normalize().startsWith(directory);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Every possible user of an image in this home, read from its files so no manager needs to run: the committed
     * group specs ({@code configs/global.config}) and the VMs of the qemu plugin whose process is alive.
     */
    static Map<String, JsonNode> users(InfrakitHome home, Map<String, String> environment) {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        CommittedGroups.in(home)
                .forEach(stored -> users.put("group " + stored.key().name(),
                        stored.record().spec().properties().node()));
        users.putAll(runningVms(qemuDirectory(home, environment)));
        return users;
    }

    /** Where the qemu plugin keeps its VMs, as {@link QemuPluginProvider} chooses it. */
    private static Path qemuDirectory(InfrakitHome home, Map<String, String> environment) {
        String configured = environment.get(QemuPluginProvider.DIRECTORY_VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : home.root().resolve("instances").resolve(QemuPluginProvider.NAME);
    }

    /** Each VM directory's {@code vm.json}: its Properties, when its Pid is a live process. */
    private static Map<String, JsonNode> runningVms(Path directory) {
        Map<String, JsonNode> vms = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return vms;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(directory)) {
            for (Path dir : dirs) {
                Path state = dir.resolve("vm.json");
                if (!Files.isRegularFile(state)) {
                    continue;
                }
                JsonNode vm = readState(state);
                boolean alive = ProcessHandle.of(vm.path("Pid").asLong(-1)).map(ProcessHandle::isAlive).orElse(false);
                if (alive) {
                    vms.put("vm " + dir.getFileName(), vm.path("Properties"));
                }
            }
        } catch (IOException e) {
            throw new InfrakitException("cannot list the VMs in " + directory + ": " + e.getMessage(), e);
        }
        return vms;
    }

    /** One that cannot be read stops the caller: what it names is unknown, so no image may count as unused. */
    private static JsonNode readState(Path state) {
        try {
            return Json.mapper().readTree(state.toFile());
        } catch (IOException e) {
            throw new InfrakitException("cannot read the VM state " + state + ": " + e.getMessage(), e);
        }
    }
}
