package io.infrakit.dsl.internal;

import groovy.lang.GroovyObjectSupport;
import io.infrakit.dsl.ImageOutput;

/**
 * What {@code image 'images/x.yml'} returns: its properties {@code kernel}, {@code initrd}, {@code hash},
 * {@code iso} and {@code qcow2} are {@link ImageOutput} references, resolved when the plan runs.
 */
public final class ImageRef extends GroovyObjectSupport {

    private final String file;

    ImageRef(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    @Override
    public Object getProperty(String name) {
        if (!ImageOutput.OUTPUTS.contains(name)) {
            throw new ScriptError("image '" + file + "' has no output '" + name + "'; outputs: "
                    + String.join(", ", ImageOutput.OUTPUTS));
        }
        return new ImageOutput(file, name);
    }

    @Override
    public void setProperty(String name, Object value) {
        throw new ScriptError("the outputs of image '" + file + "' cannot be assigned");
    }

    @Override
    public String toString() {
        return "image('" + file + "')";
    }
}
