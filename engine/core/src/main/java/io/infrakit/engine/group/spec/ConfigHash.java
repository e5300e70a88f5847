package io.infrakit.engine.group.spec;

import io.infrakit.spi.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * InfraKit's config hash: SHA-1 over the canonical JSON (keys sorted at every level) of the Instance section
 * followed by the Flavor section, in lower-case base32 without padding, so it is [a-z2-7] only and the order of keys
 * in the user's file does not matter.
 */
public final class ConfigHash {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private ConfigHash() {
    }

    public static String of(PluginSection instance, PluginSection flavor) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(canonical(instance).getBytes(StandardCharsets.UTF_8));
            sha1.update(canonical(flavor).getBytes(StandardCharsets.UTF_8));
            return base32(sha1.digest());
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

    static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }
}
