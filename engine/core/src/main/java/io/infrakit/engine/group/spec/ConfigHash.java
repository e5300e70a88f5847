package io.infrakit.engine.group.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * InfraKit's config hash, byte for byte as InfraKit (Go) computes it, so instances it tagged are ours without a
 * rollout: SHA-1 over the {@link #stableFormat stable text} of the Instance section followed by that of the Flavor
 * section, in lower-case base32 without padding ({@code [a-z2-7]}, 32 characters). Changing anything here rolls
 * every group of every user; the golden list in the tests guards it.
 */
public final class ConfigHash {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private ConfigHash() {
    }

    public static String of(PluginSection instance, PluginSection flavor) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(stableFormat(instance).getBytes(StandardCharsets.UTF_8));
            sha1.update(stableFormat(flavor).getBytes(StandardCharsets.UTF_8));
            return base32(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /**
     * A section as InfraKit's {@code stableFormat} writes it: the section's two fields (no {@code omitempty} on
     * either, so a missing Properties is {@code null}) read back as a generic map and written by
     * {@code json.MarshalIndent(map, "  ", "  ")}.
     */
    static String stableFormat(PluginSection section) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("Plugin", section.plugin());
        JsonNode properties = section.properties().node();
        fields.set("Properties", properties);
        return GoJsonIndent.write(fields, "  ", "  ");
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
