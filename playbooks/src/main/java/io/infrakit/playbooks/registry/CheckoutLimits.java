package io.infrakit.playbooks.registry;

import io.infrakit.spi.InvalidSpecException;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much one checkout of a playbook (or template repository) may write: a few hundred kilobytes of git objects
 * can describe millions of files, so a commit's tree is measured against these before any of it is written.
 *
 * @param maxFiles the most files, symbolic links and directories the tree may hold ({@value #FILES_VARIABLE})
 * @param maxBytes the most bytes its files may add up to ({@value #BYTES_VARIABLE}: a number of bytes, or with
 *     KiB, MiB or GiB)
 */
public record CheckoutLimits(long maxFiles, long maxBytes) {

    public static final String FILES_VARIABLE = "INFRAKIT_PLAYBOOK_MAX_FILES";
    public static final String BYTES_VARIABLE = "INFRAKIT_PLAYBOOK_MAX_BYTES";
    public static final long DEFAULT_MAX_FILES = 20_000;
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(|B|KiB|MiB|GiB)");

    public CheckoutLimits {
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("checkout limits must be positive: " + maxFiles + " files, "
                    + maxBytes + " bytes");
        }
    }

    public static CheckoutLimits defaults() {
        return new CheckoutLimits(DEFAULT_MAX_FILES, DEFAULT_MAX_BYTES);
    }

    /** The defaults, changed by {@value #FILES_VARIABLE} and {@value #BYTES_VARIABLE} where they are set. */
    public static CheckoutLimits from(Map<String, String> environment) {
        String files = environment.get(FILES_VARIABLE);
        String bytes = environment.get(BYTES_VARIABLE);
        return new CheckoutLimits(
                files == null || files.isBlank() ? DEFAULT_MAX_FILES : parse(FILES_VARIABLE, files, false),
                bytes == null || bytes.isBlank() ? DEFAULT_MAX_BYTES : parse(BYTES_VARIABLE, bytes, true));
    }

    /** {@code 536870912} as {@code 512 MiB}; other sizes in bytes. */
    static String describeBytes(long bytes) {
        long mebibyte = 1024 * 1024;
        return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }

    private static long parse(String variable, String text, boolean withUnit) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (matcher.matches() && (withUnit || matcher.group(2).isEmpty())) {
            long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "kib" -> 1024L;
                case "mib" -> 1024L * 1024;
                case "gib" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            try {
                long value = Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
                if (value >= 1) {
                    return value;
                }
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        throw new InvalidSpecException(variable + ": expected a positive whole number"
                + (withUnit ? " of bytes, optionally with KiB, MiB or GiB" : "") + ", got \"" + text + "\"");
    }
}
