package io.infrakit.dsl.internal;

/**
 * Text that a regular expression reads one character at a time, failing once the evaluating thread is
 * interrupted: a catastrophic pattern such as {@code (a+)+c} then stops at the sandbox's limits instead of running
 * on in the background.
 */
final class InterruptibleText implements CharSequence {

    private final String text;

    InterruptibleText(String text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ScriptError("stopped while matching a regular expression");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
