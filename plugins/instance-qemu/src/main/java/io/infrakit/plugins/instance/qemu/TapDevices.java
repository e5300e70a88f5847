package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.InstanceId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The tap device of a bridged VM, made and removed with iproute2 (which needs CAP_NET_ADMIN, as root has). */
final class TapDevices {

    private static final long TIMEOUT_SECONDS = 10;

    private TapDevices() {
    }

    /** A name within Linux's 15 characters, derived from the instance ID, so a crashed VM's tap is found again. */
    static String nameOf(InstanceId id) {
        return "ik" + id.value().substring(QemuInstancePlugin.ID_PREFIX.length());
    }

    /** A locally administered MAC, also derived from the ID. */
    static String macOf(InstanceId id) {
        String hex = id.value().substring(QemuInstancePlugin.ID_PREFIX.length());
        return "52:54:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6) + ":"
                + hex.substring(6, 8);
    }

    static void create(String device, String bridge) {
        if (!Files.isDirectory(Path.of("/sys/class/net", bridge, "bridge"))) {
            throw new PluginException(QemuInstancePlugin.NAME, "provision", "there is no bridge " + bridge
                    + " on this host; make one, e.g. ip link add " + bridge + " type bridge && ip link set " + bridge
                    + " up");
        }
        ip("tuntap", "add", "dev", device, "mode", "tap");
        try {
            ip("link", "set", device, "master", bridge, "up");
        } catch (PluginException e) {
            delete(device);
            throw e;
        }
    }

    /** Removes the device if it is there. */
    static void delete(String device) {
        if (Files.exists(Path.of("/sys/class/net", device))) {
            ip("link", "del", device);
        }
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PluginException(QemuInstancePlugin.NAME, "network", String.join(" ", command)
                        + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new PluginException(QemuInstancePlugin.NAME, "network", String.join(" ", command) + " failed: "
                        + output.lines().reduce((first, last) -> last).orElse("exit " + process.exitValue()));
            }
        } catch (IOException e) {
            throw new PluginException(QemuInstancePlugin.NAME, "network", "cannot run ip (iproute2): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(QemuInstancePlugin.NAME, "network", "interrupted", e);
        }
    }
}
