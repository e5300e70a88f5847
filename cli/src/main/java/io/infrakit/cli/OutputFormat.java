package io.infrakit.cli;

/** How a command prints data: {@code -o text|json|yaml}. */
public enum OutputFormat {
    text, json, yaml
}
