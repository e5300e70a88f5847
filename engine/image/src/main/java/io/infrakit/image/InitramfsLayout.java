package io.infrakit.image;

import io.infrakit.image.ImageSpec.FileSpec;
import io.infrakit.image.ImageSpec.InlineContents;
import io.infrakit.image.ImageSpec.TreeFile;
import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the initramfs of an image holds: busybox, /init, the modules, the udhcpc hook and the spec's files. */
final class InitramfsLayout {

    private static final List<String> STANDARD_DIRECTORIES =
            List.of("/dev", "/proc", "/sys", "/tmp", "/root", "/etc", "/var/log", "/var/run", "/lib/modules");

    private InitramfsLayout() {
    }

    static List<InitramfsEntry> entries(ImageSpec spec, Map<String, Path> moduleFiles) {
        String specName = spec.specFile().toString();
        List<InitramfsEntry> entries = new ArrayList<>();
        STANDARD_DIRECTORIES.forEach(dir -> entries.add(InitramfsEntry.directory(dir)));
        // The kernel's stdio for /init, before devtmpfs is mounted over /dev.
        entries.add(InitramfsEntry.characterDevice("/dev/console", 0600, 5, 1));
        entries.add(InitramfsEntry.file("/bin/busybox", 0755, busybox(specName, spec.busybox())));
        entries.add(InitramfsEntry.file("/init", 0755, utf8(InitScript.render(spec))));
        entries.add(InitramfsEntry.file(InitScript.POWER_BUTTON_HANDLER_PATH, 0755, utf8(InitScript.powerButtonHandler())));
        entries.add(InitramfsEntry.file(InitScript.UDHCPC_SCRIPT_PATH, 0755, utf8(InitScript.udhcpcScript())));
        moduleFiles.forEach((name, file) ->
                entries.add(InitramfsEntry.file("/lib/modules/" + name + ".ko", 0644, module(specName, name, file))));
        List<String> taken = entries.stream().map(InitramfsEntry::path).toList();
        for (int i = 0; i < spec.files().size(); i++) {
            FileSpec file = spec.files().get(i);
            if (taken.contains(file.path()) || spec.files().subList(0, i).stream().anyMatch(f -> f.path().equals(file.path()))) {
                throw new InvalidSpecException(specName + ": files[" + i + "].path '" + file.path()
                        + "' is already in the image");
            }
            entries.add(InitramfsEntry.file(file.path(), file.mode(), contents(specName, file)));
        }
        return entries;
    }

    private static byte[] contents(String specName, FileSpec file) {
        if (file.source() instanceof InlineContents inline) {
            return utf8(inline.text());
        }
        return read(specName, file.path(), ((TreeFile) file.source()).path());
    }

    private static byte[] busybox(String specName, Path busybox) {
        if (!Files.isRegularFile(busybox)) {
            throw new InvalidSpecException(specName + ": busybox not found at " + busybox
                    + " (install busybox-static, or name the binary in 'busybox:')");
        }
        return read(specName, "busybox", busybox);
    }

    private static byte[] module(String specName, String name, Path file) {
        try {
            return KernelModules.contents(file);
        } catch (IOException e) {
            throw new InvalidSpecException(specName + ": cannot read module " + name + " from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] read(String specName, String what, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidSpecException(specName + ": cannot read " + what + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
