/**
 * The playbook DSL: a Groovy script ({@code playbook.groovy}) declares parameters and commands, and planning a
 * command yields a {@link io.infrakit.dsl.Plan}, a list of {@link io.infrakit.dsl.Action}s that another module
 * carries out. Evaluating a script never touches infrastructure, files, the network or the console.
 *
 * <p>Scripts run in a sandbox ({@link io.infrakit.dsl.internal}): checked when compiled (no imports, annotations,
 * classes, reflection or metaprogramming names, and only an allow-list of classes), guarded when run (receivers,
 * size-multiplying operations, ranges, regular expressions), and bounded in time and in the memory it keeps. It is a
 * guard against mistakes and casual abuse, not a security boundary: run playbooks you do not trust in a separate
 * JVM.
 */
package io.infrakit.dsl;
