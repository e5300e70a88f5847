package io.infrakit.playbooks;

/** How far a playbook run goes. */
public enum RunMode {
    /** Build, commit, scale and destroy for real. */
    EXECUTE,
    /** Ask the manager for each commit's plan and change nothing. */
    PRETEND,
    /** Print the rendered specs and what would be done; touch nothing, not even the manager. */
    PRINT_ONLY
}
