package io.infrakit.templates;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What templates may touch.
 *
 * @param readableRoots directories that include, source, file and fetch (of local paths) may read: the playbook
 *     tree, INFRAKIT_HOME
 * @param envAllowed whether {@code env()} works
 * @param env the environment visible to {@code env()}
 * @param networkAllowed whether fetch and include of http(s) URLs are allowed
 */
public record TemplatePolicy(List<Path> readableRoots, boolean envAllowed, Map<String, String> env,
        boolean networkAllowed) {

    public TemplatePolicy {
        readableRoots = readableRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        env = Map.copyOf(env);
    }

    /** Reading only inside {@code roots}; no environment, no network. */
    public static TemplatePolicy confinedTo(Path... roots) {
        return new TemplatePolicy(Arrays.asList(roots), false, Map.of(), false);
    }

    public TemplatePolicy allowingEnv(Map<String, String> environment) {
        return new TemplatePolicy(readableRoots, true, environment, networkAllowed);
    }

    public TemplatePolicy allowingNetwork() {
        return new TemplatePolicy(readableRoots, envAllowed, env, true);
    }

    /**
     * Whether the file at {@code path} is inside the readable roots, also once symbolic links are followed: what a
     * template may read, and so what the specs it renders may name.
     */
    public boolean allowsReading(Path path) {
        return new ReadableFiles(readableRoots).contains(path);
    }
}
