package io.infrakit.plugins.flavor.swarm;

import java.util.List;

/**
 * The built-in init scripts, as InfraKit's default templates: write the engine labels (the link among them) to the
 * engine's daemon.json, have the engine reload them, then join the swarm (or, for the manager whose LogicalID is
 * {@code SwarmJoinIP} while there is no swarm yet, create it). Where the engine keeps its daemon.json and pid file can
 * be changed with {@code DOCKER_DAEMON_JSON} and {@code DOCKER_PID_FILE} in the script's environment.
 */
final class InitScripts {

    private InitScripts() {
    }

    static String worker(List<String> engineLabels, String link, String workerToken, String joinAddr) {
        return labels(engineLabels, link) + "docker swarm join --token " + workerToken + " " + joinAddr + "\n";
    }

    static String managerInit(List<String> engineLabels, String link, String advertiseAddr) {
        return labels(engineLabels, link) + "docker swarm init --advertise-addr " + advertiseAddr + "\n";
    }

    static String managerJoin(List<String> engineLabels, String link, String managerToken, String joinAddr) {
        return labels(engineLabels, link) + "docker swarm join --token " + managerToken + " " + joinAddr + "\n";
    }

    /** Writes the labels, has the engine reload them, and waits (up to 30 s) until it shows the link. */
    private static String labels(List<String> engineLabels, String link) {
        StringBuilder json = new StringBuilder("[");
        for (String label : engineLabels) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append('"').append(label.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        json.append(']');
        return """
                #!/bin/sh
                set -o errexit
                set -o nounset
                daemon_json="${DOCKER_DAEMON_JSON:-/etc/docker/daemon.json}"
                mkdir -p "$(dirname "$daemon_json")"
                cat << 'EOF' > "$daemon_json"
                {"labels": %s}
                EOF
                kill -s HUP "$(cat "${DOCKER_PID_FILE:-/var/run/docker.pid}")"
                tries=0
                until docker info --format '{{json .Labels}}' | grep -q '"%s=%s"'; do
                  tries=$((tries + 1)); [ "$tries" -lt 60 ] || { echo "engine labels not reloaded" >&2; exit 1; }
                  sleep 0.5
                done
                """.formatted(json, Link.LABEL, link);
    }
}
