package io.infrakit.image;

import io.infrakit.spi.InfrakitException;

/** An image could not be built or stored for a reason outside the spec itself (I/O, a full disk). */
public class ImageBuildException extends InfrakitException {

    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
