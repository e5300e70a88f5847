package io.infrakit.playbooks.registry;

import io.infrakit.common.PlaybookFetchException;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches every branch and tag of a playbook's source into a local repository. Credentials come from where git
 * finds them: for http(s) the URL, else {@value #TOKEN_VARIABLE}, else the user's git credential helper; for ssh
 * the keys, agent and {@code known_hosts} of {@link SshSettings}. They never reach a message: JGit is handed the
 * URL without them.
 */
final class GitFetcher {

    static final String TOKEN_VARIABLE = "INFRAKIT_GIT_TOKEN";
    static final String REMOTE_BRANCHES = "refs/remotes/origin/";
    static final int TIMEOUT_SECONDS = 60;

    private static final String TOKEN_USER = "x-access-token";
    private static final List<RefSpec> BRANCHES_AND_TAGS = List.of(
            new RefSpec("+refs/heads/*:" + REMOTE_BRANCHES + "*"), new RefSpec("+refs/tags/*:refs/tags/*"));

    private final Optional<String> token;
    private final SshSettings ssh;
    private final GitCredentialCommand credentialHelpers;

    GitFetcher(Map<String, String> environment) {
        this.token = Optional.ofNullable(environment.get(TOKEN_VARIABLE)).filter(value -> !value.isBlank());
        this.ssh = SshSettings.from(environment);
        this.credentialHelpers = new GitCredentialCommand(environment);
    }

    FetchResult fetch(Git git, PlaybookSource source) {
        FetchCommand fetch = git.fetch()
                .setRemote(GitUrl.withoutCredentials(source.url()))
                .setRefSpecs(BRANCHES_AND_TAGS)
                .setTagOpt(TagOpt.FETCH_TAGS)
                .setRemoveDeletedRefs(true)
                .setTimeout(TIMEOUT_SECONDS);
        return GitUrl.isSsh(source.url()) ? fetchOverSsh(fetch, source) : fetchWithCredentials(fetch, source);
    }

    /** The one form of a fetch failure's message: the user's coordinates, then the short cause. */
    static String cannotFetch(PlaybookSource source, String cause) {
        return "cannot fetch " + source.display() + ": " + cause;
    }

    private FetchResult fetchOverSsh(FetchCommand fetch, PlaybookSource source) {
        ssh.extraKey().filter(key -> !Files.isReadable(key)).ifPresent(key -> {
            throw new PlaybookFetchException(cannotFetch(source, SshSettings.KEY_VARIABLE + " names " + key
                    + ", which is not a readable file"));
        });
        SshConnections connections = new SshConnections(ssh);
        try (connections) {
            return fetch.setTransportConfigCallback(connections).call();
        } catch (GitAPIException | JGitInternalException e) {
            String cause = connections.hostKeyRefusal().map(HostKeyRefusal::describe)
                    .orElseGet(() -> FetchFailures.describe(e));
            throw new PlaybookFetchException(cannotFetch(source, cause), e);
        }
    }

    private FetchResult fetchWithCredentials(FetchCommand fetch, PlaybookSource source) {
        Optional<CredentialsProvider> credentials = credentials(source);
        credentials.ifPresent(fetch::setCredentialsProvider);
        try {
            FetchResult result = fetch.call();
            credentials.filter(GitCredentialHelper.class::isInstance).map(GitCredentialHelper.class::cast)
                    .ifPresent(GitCredentialHelper::approve);
            return result;
        } catch (GitAPIException | JGitInternalException e) {
            throw new PlaybookFetchException(cannotFetch(source, withoutSecrets(source, FetchFailures.describe(e))), e);
        }
    }

    /** JGit never sees a secret in a URL, but a server may echo what it was sent: the message must not carry it. */
    private String withoutSecrets(PlaybookSource source, String message) {
        String cleaned = message;
        for (Optional<String> secret : List.of(GitUrl.password(source.url()), token)) {
            if (secret.isPresent()) {
                cleaned = cleaned.replace(secret.get(), "***");
            }
        }
        return cleaned;
    }

    private Optional<CredentialsProvider> credentials(PlaybookSource source) {
        Optional<String> user = GitUrl.user(source.url());
        Optional<String> password = GitUrl.password(source.url()).or(() -> token);
        if (password.isPresent()) {
            return Optional.of(new UsernamePasswordCredentialsProvider(user.orElse(TOKEN_USER), password.get()));
        }
        return GitUrl.isHttp(source.url())
                ? Optional.of(new GitCredentialHelper(credentialHelpers, user)) : Optional.empty();
    }
}
