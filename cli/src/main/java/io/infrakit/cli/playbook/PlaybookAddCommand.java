package io.infrakit.cli.playbook;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.PlaybookRegistries;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.playbooks.LocalPlaybook;
import io.infrakit.playbooks.registry.PinnedPlaybook;
import io.infrakit.playbooks.registry.PlaybookSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "add", description = {
        "Fetch a playbook from git, check that its script loads, and pin the commit its ref names; runs use that "
                + "commit, offline too.",
        "URL: https://, git://, ssh://, file:// or a local path; #REF a branch, tag or commit; //DIR a "
                + "subdirectory, as in git://host/repo.git//playbooks/web#v1.2. Credentials for https come from the "
                + "URL, INFRAKIT_GIT_TOKEN or your git credential helper; for ssh from ~/.ssh, INFRAKIT_GIT_SSH_KEY "
                + "or the ssh agent (an unknown host must be in ~/.ssh/known_hosts, or INFRAKIT_GIT_SSH_ACCEPT_NEW=yes)."})
final class PlaybookAddCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The name to run it by")
    String name;

    @Parameters(index = "1", paramLabel = "URL[#REF]", description = "Where it lives")
    String url;

    @Option(names = "--trust", description = "Let its templates read environment variables, the network and "
            + "INFRAKIT_HOME, and its specs name any file or URL; otherwise they may name only files of its tree and "
            + "built images")
    boolean trust;

    PlaybookAddCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        PlaybookSource source = PlaybookSource.parse(url, cli.workingDirectory());
        PlaybookDsl dsl = PlaybookLocator.dsl(home());
        PinnedPlaybook added = PlaybookRegistries.of(cli, home()).add(name, source, trust,
                tree -> LocalPlaybook.open(tree, dsl));
        cli.out().println("added " + added.name() + " " + added.source().display() + " at "
                + added.commit().substring(0, 12) + (added.trusted() ? " (trusted)" : ""));
        cli.out().flush();
        return ExitCode.OK;
    }
}
