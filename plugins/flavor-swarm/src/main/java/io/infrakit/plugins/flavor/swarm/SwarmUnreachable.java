package io.infrakit.plugins.flavor.swarm;

/** The swarm's engine could not be reached, or refused a request; the message is Docker's reason, on one line. */
final class SwarmUnreachable extends RuntimeException {

    SwarmUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
