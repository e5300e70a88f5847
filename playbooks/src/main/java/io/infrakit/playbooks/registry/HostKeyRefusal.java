package io.infrakit.playbooks.registry;

/**
 * Why a server's host key was not trusted, as the user reads it after the URL: with the command that trusts it.
 *
 * @param known whether {@code known_hosts} has other keys for the host (it was re-keyed, or is an impostor)
 */
record HostKeyRefusal(String host, int port, boolean known) {

    private static final int SSH_PORT = 22;

    String describe() {
        if (known) {
            return "host key of " + host + " does not match " + SshSettings.KNOWN_HOSTS_SHOWN
                    + " (if the host was re-keyed: ssh-keygen -R " + knownHostsName() + ")";
        }
        return "host key of " + host + " is not in " + SshSettings.KNOWN_HOSTS_SHOWN + "; ssh-keyscan "
                + (port == SSH_PORT ? "" : "-p " + port + " ") + host + " >> " + SshSettings.KNOWN_HOSTS_SHOWN
                + " (or set " + SshSettings.ACCEPT_NEW_VARIABLE + "=yes to trust it on first use)";
    }

    /** How {@code known_hosts} names the host: {@code [host]:port} unless the port is 22. */
    private String knownHostsName() {
        return port == SSH_PORT ? host : "'[" + host + "]:" + port + "'";
    }
}
