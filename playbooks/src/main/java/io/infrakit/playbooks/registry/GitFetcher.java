package io.infrakit.playbooks.registry;

import io.infrakit.spi.PlaybookFetchException;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches every branch and tag of a playbook's source into a local repository. Credentials come from the URL or
 * from {@value #TOKEN_VARIABLE}, and never reach a message: JGit is handed the URL without them.
 */
final class GitFetcher {

    static final String TOKEN_VARIABLE = "INFRAKIT_GIT_TOKEN";
    static final String REMOTE_BRANCHES = "refs/remotes/origin/";
    static final int TIMEOUT_SECONDS = 60;

    private static final String TOKEN_USER = "x-access-token";
    private static final List<RefSpec> BRANCHES_AND_TAGS = List.of(
            new RefSpec("+refs/heads/*:" + REMOTE_BRANCHES + "*"), new RefSpec("+refs/tags/*:refs/tags/*"));

    private final Optional<String> token;

    GitFetcher(Map<String, String> environment) {
        this.token = Optional.ofNullable(environment.get(TOKEN_VARIABLE)).filter(value -> !value.isBlank());
    }

    FetchResult fetch(Git git, PlaybookSource source) {
        if (GitUrl.isSsh(source.url()) && SshSessionFactory.getInstance() == null) {
            throw new PlaybookFetchException(cannotFetch(source, "ssh:// needs JGit's org.eclipse.jgit.ssh.apache "
                    + "module (not available in this build); use https:// with " + TOKEN_VARIABLE + " instead"));
        }
        FetchCommand fetch = git.fetch()
                .setRemote(GitUrl.withoutCredentials(source.url()))
                .setRefSpecs(BRANCHES_AND_TAGS)
                .setTagOpt(TagOpt.FETCH_TAGS)
                .setRemoveDeletedRefs(true)
                .setTimeout(TIMEOUT_SECONDS);
        credentials(source).ifPresent(fetch::setCredentialsProvider);
        try {
            return fetch.call();
        } catch (GitAPIException | JGitInternalException e) {
            throw new PlaybookFetchException(cannotFetch(source, withoutSecrets(source, FetchFailures.describe(e))), e);
        }
    }

    /** The one form of a fetch failure's message: the user's coordinates, then the short cause. */
    static String cannotFetch(PlaybookSource source, String cause) {
        return "cannot fetch " + source.display() + ": " + cause;
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

    private Optional<UsernamePasswordCredentialsProvider> credentials(PlaybookSource source) {
        Optional<String> user = GitUrl.user(source.url());
        Optional<String> password = GitUrl.password(source.url()).or(() -> token);
        return password.map(secret -> new UsernamePasswordCredentialsProvider(user.orElse(TOKEN_USER), secret));
    }
}
