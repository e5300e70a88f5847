package io.infrakit.engine.group.spec;

import io.infrakit.spi.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The config hash this project wrote before it matched InfraKit's ({@link ConfigHash}): SHA-1 over compact JSON with
 * sorted keys. Only read, never written: members and journals tagged with it count as the same spec, so an upgrade
 * rolls nothing.
 */
public final class LegacyConfigHash {

    private LegacyConfigHash() {
    }

    public static String of(PluginSection instance, PluginSection flavor) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(canonical(instance).getBytes(StandardCharsets.UTF_8));
            sha1.update(canonical(flavor).getBytes(StandardCharsets.UTF_8));
            return ConfigHash.base32(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private static String canonical(PluginSection section) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Plugin", section.plugin());
        fields.put("Properties", section.properties().node());
        return Json.canonical(fields);
    }
}
