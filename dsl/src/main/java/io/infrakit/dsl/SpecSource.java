package io.infrakit.dsl;

/** Where a group spec comes from: a file of the playbook, or a map written in the script. */
public sealed interface SpecSource permits TemplateSpec, InlineSpec {
}
