package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.templates.TemplatePolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a template named on the command line may read: its own directory, the current directory and
 * INFRAKIT_HOME, plus what the user allows; the network only when the template itself is a URL.
 */
public final class CliTemplates {

    private CliTemplates() {
    }

    public static TemplatePolicy policy(String location, Path workingDirectory, InfrakitHome home, List<Path> alsoReadable,
                                 Map<String, String> envWhenAllowed) {
        List<Path> roots = new ArrayList<>(alsoReadable.stream().map(workingDirectory::resolve).toList());
        roots.add(workingDirectory);
        roots.add(home.root());
        if (!location.contains("://")) {
            Path parent = workingDirectory.resolve(location).getParent();
            if (parent != null) {
                roots.add(parent);
            }
        }
        TemplatePolicy policy = TemplatePolicy.confinedTo(roots.toArray(Path[]::new));
        if (location.startsWith("http://") || location.startsWith("https://")) {
            policy = policy.allowingNetwork();
        }
        return envWhenAllowed == null ? policy : policy.allowingEnv(envWhenAllowed);
    }
}
