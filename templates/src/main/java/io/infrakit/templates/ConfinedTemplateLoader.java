package io.infrakit.templates;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Loads the templates Freemarker asks for by name (for {@code <#include>}, {@code <#import>}, and our own
 * include()/source()): files inside the readable roots, and http(s) URLs when the network is allowed. Names are
 * {@link Location#templateName()}s, so an absolute name such as {@code /etc/passwd} is a file system path, and
 * refused.
 */
final class ConfinedTemplateLoader implements TemplateLoader {

    private record FileSource(ReadableFiles.ReadableFile file, String name) {
    }

    private record WebSource(String text, String name) {
    }

    private final ContentSources sources;

    ConfinedTemplateLoader(ContentSources sources) {
        this.sources = sources;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        try {
            Location location = Location.ofTemplateName(name);
            if (location instanceof Location.LocalFile local) {
                return new FileSource(sources.files().check(local.path()), name);
            }
            if (location instanceof Location.WebResource) {
                return new WebSource(sources.text(location), name);
            }
            throw new RenderProblem("'" + name + "' cannot be included with <#include> or <#import>; use include()");
        } catch (RenderProblem problem) {
            // An IOException makes Freemarker report the failure at the directive that asked for the template.
            throw new IOException(problem.getMessage(), problem);
        }
    }

    @Override
    public long getLastModified(Object source) {
        return source instanceof FileSource file ? file.file().lastModifiedMillis() : -1;
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        String text;
        String name;
        try {
            if (source instanceof FileSource file) {
                text = sources.files().read(file.file(), Limits.MAX_OUTPUT);
                name = file.name();
            } else {
                WebSource web = (WebSource) source;
                text = web.text();
                name = web.name();
            }
        } catch (RenderProblem problem) {
            throw new IOException(problem.getMessage(), problem);
        }
        ForbiddenBuiltIns.check(name, text);
        return new StringReader(text);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // Nothing is held open between calls.
    }
}
