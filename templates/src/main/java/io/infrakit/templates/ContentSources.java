package io.infrakit.templates;

/** Reads the raw text at a {@link Location} within the policy: files inside the roots, URLs when allowed. */
final class ContentSources {

    private final ReadableFiles files;
    private final WebClient web;

    ContentSources(TemplatePolicy policy) {
        this.files = new ReadableFiles(policy.readableRoots());
        this.web = new WebClient(policy.networkAllowed());
    }

    ReadableFiles files() {
        return files;
    }

    String text(Location location) {
        if (location instanceof Location.LocalFile file) {
            return files.read(files.check(file.path()), Limits.MAX_OUTPUT);
        }
        if (location instanceof Location.WebResource resource) {
            return web.get(resource.uri());
        }
        return ((Location.Inline) location).body();
    }
}
