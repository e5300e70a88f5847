package io.infrakit.common;

import static io.infrakit.common.KnownFields.ANY;

/**
 * The fields of a group spec that are ours: the spec itself and the group plugin's Properties. The Properties of
 * the Instance and Flavor sections belong to those plugins, which check them themselves.
 */
public final class GroupSpecFields {

    public static final KnownFields PROPERTIES = KnownFields.of(
            "Allocation", KnownFields.of("Size", ANY, "LogicalIDs", ANY, "MaxParallel", ANY),
            "Instance", KnownFields.of("Plugin", ANY, "Properties", ANY),
            "Flavor", KnownFields.of("Plugin", ANY, "Properties", ANY),
            "Updating", KnownFields.of("Count", ANY, "Duration", ANY, "SkipBeforeInstanceDestroy", ANY,
                    "MaxSurge", ANY, "MaxUnavailable", ANY, "HealthyDeadline", ANY, "ProgressDeadline", ANY,
                    "AutoRollback", ANY));

    public static final KnownFields SPEC = KnownFields.of("ID", ANY, "Properties", PROPERTIES);

    private GroupSpecFields() {
    }
}
