package io.infrakit.common;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Masks secret texts in whatever is shown: messages, output lines, log lines. A secret is masked both as it is and as
 * it appears inside a JSON string (escaped), so a validation error that quotes a spec value is masked too. Texts
 * shorter than {@value #SHORTEST} characters are not masked inside other text, where masking them would mask
 * ordinary words; {@link #secretIn} still finds them as a whole value.
 */
public final class Redactor {

    /** What is shown instead of a secret. */
    public static final String MASK = "******";

    /** The shortest secret masked inside other text. */
    public static final int SHORTEST = 4;

    private static final Redactor NONE = new Redactor(Map.of());

    /** Each secret text, and the name of what it is (a parameter, say), longest text first. */
    private final Map<String, String> names;
    /** The texts masked inside other text: each secret and its JSON-escaped form, longest first. */
    private final List<String> masked;

    private Redactor(Map<String, String> names) {
        this.names = names;
        this.masked = names.keySet().stream()
                .flatMap(text -> List.of(text, new String(JsonStringEncoder.getInstance().quoteAsString(text))).stream())
                .filter(text -> text.length() >= SHORTEST)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** A redactor that masks nothing. */
    public static Redactor none() {
        return NONE;
    }

    /**
     * @param secrets the texts of each secret by its name, e.g. {@code password -> [S3CRETpw]}; a list value is
     *                given as the whole and as each element
     */
    public static Redactor of(Map<String, ? extends Collection<String>> secrets) {
        Map<String, String> names = new LinkedHashMap<>();
        secrets.forEach((name, texts) -> texts.stream()
                .filter(text -> text != null && !text.isEmpty())
                .forEach(text -> names.putIfAbsent(text, name)));
        return names.isEmpty() ? NONE : new Redactor(Map.copyOf(names));
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The text with every secret in it replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null || masked.isEmpty()) {
            return text;
        }
        String shown = text;
        for (String secret : masked) {
            shown = shown.replace(secret, MASK);
        }
        return shown;
    }

    /** The name of a secret that the value is, or holds; empty when it holds none. */
    public Optional<String> secretIn(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (names.containsKey(value)) {
            return Optional.of(names.get(value));
        }
        return names.entrySet().stream()
                .filter(secret -> secret.getKey().length() >= SHORTEST && value.contains(secret.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public String toString() {
        return "Redactor[" + names.size() + " secrets]";
    }
}
