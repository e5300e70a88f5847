package io.infrakit.playbooks.registry;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

import java.util.Arrays;
import java.util.Optional;

/**
 * Credentials for an http(s) fetch from the user's git credential helpers, asked as git asks them: {@code fill}
 * when the server wants credentials, {@code approve} once they worked, {@code reject} when they were refused. It
 * asks once per fetch: after a refusal the fetch fails rather than asking again. Nothing answers, and the fetch
 * goes on without credentials, when git is missing or no helper knows the host.
 */
final class GitCredentialHelper extends CredentialsProvider {

    private static final String NAME = "git credential helper";

    private final GitCredentialCommand git;
    private final Optional<String> user;
    private Optional<GitCredential> filled = Optional.empty();
    private boolean asked;

    /** @param user the user name the URL gave, passed on to the helpers */
    GitCredentialHelper(GitCredentialCommand git, Optional<String> user) {
        this.git = git;
        this.user = user;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        return Arrays.stream(items).allMatch(item -> item instanceof CredentialItem.Username
                || item instanceof CredentialItem.Password);
    }

    @Override
    public synchronized boolean get(URIish uri, CredentialItem... items) {
        if (!supports(items)) {
            return false;
        }
        if (!asked) {
            asked = true;
            filled = fill(uri);
        }
        if (filled.isEmpty()) {
            return false;
        }
        GitCredential credential = filled.get();
        for (CredentialItem item : items) {
            if (item instanceof CredentialItem.Username name) {
                name.setValue(credential.username().orElseThrow());
            } else if (item instanceof CredentialItem.Password password) {
                password.setValue(credential.password().orElseThrow().toCharArray());
            }
        }
        return true;
    }

    /** JGit calls this when the server refused what {@link #get} gave. */
    @Override
    public synchronized void reset(URIish uri) {
        filled.ifPresent(credential -> git.run("reject", credential.asInput()));
        filled = Optional.empty();
    }

    /** Tells the helpers the credentials worked (so a caching helper keeps them), if any were used. */
    synchronized void approve() {
        filled.ifPresent(credential -> git.run("approve", credential.asInput()));
    }

    private Optional<GitCredential> fill(URIish uri) {
        GitCredential request = GitCredential.request(uri.getScheme(), uri.getHost(), uri.getPort(),
                Optional.ofNullable(uri.getPath()).orElse(""), user);
        if (!request.isWellFormed()) {
            return Optional.empty();
        }
        return git.run("fill", request.asInput()).flatMap(GitCredential::parse).filter(GitCredential::isWellFormed);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
