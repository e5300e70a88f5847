package io.infrakit.playbooks;

/** Text from a playbook or a repository, made safe to print on one line of a terminal. */
public final class Printable {

    private Printable() {
    }

    /** Control characters (a newline, an escape) and invisible format characters (bidi overrides) shown as '?'. */
    public static String text(String text) {
        return text.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
