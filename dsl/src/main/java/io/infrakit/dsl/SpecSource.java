package io.infrakit.dsl;

import java.io.Serializable;

/** Where a group spec comes from: a file of the playbook, or a map written in the script. */
public sealed interface SpecSource extends Serializable permits TemplateSpec, InlineSpec {
}
