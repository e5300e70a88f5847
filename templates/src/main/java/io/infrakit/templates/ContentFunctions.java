package io.infrakit.templates;

/** fetch() and file(): raw text, not rendered. */
final class ContentFunctions {

    private ContentFunctions() {
    }

    /** The text at a path (relative to the calling template) or URL. */
    static Object fetch(Call call) {
        return call.context().renderer().sources().text(call.resolve(call.string(0)));
    }

    /** The text of a local file inside the readable roots. */
    static Object file(Call call) {
        String reference = call.string(0);
        Location location = call.resolve(reference);
        if (!(location instanceof Location.LocalFile)) {
            throw call.problem("'" + reference + "' is not a local file");
        }
        return call.context().renderer().sources().text(location);
    }
}
