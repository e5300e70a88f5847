package io.infrakit.cli;

import picocli.CommandLine.Option;

/** The {@code -o} option of commands that print data. */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    public OutputFormat format = OutputFormat.text;
}
