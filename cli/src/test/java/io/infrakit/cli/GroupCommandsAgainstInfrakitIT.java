package io.infrakit.cli;

import io.infrakit.cli.CliHome.Run;
import io.infrakit.testkit.wire.GoExchange;
import io.infrakit.testkit.wire.GoWireCaptures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our group commands against a group plugin that speaks only InfraKit's methods: InfraKit's manager {@code mystack},
 * replayed from its recorded answers while it had the group {@code cattle} of 5 instances. Each command is checked as
 * a user sees it (output, exit code, no manager of ours started) and by what it asked: every call but the handshake
 * is one InfraKit's own CLI made, with the same params.
 */
class GroupCommandsAgainstInfrakitIT {

    private static final List<GoExchange> GO_CLI = GoWireCaptures.cliToGo();

    CliHome home;
    final List<InfrakitReplayPlugin> plugins = new ArrayList<>();

    @BeforeEach
    void home() throws IOException {
        home = CliHome.create("ik-go", Map.of());
        Files.createDirectories(home.resolve("plugins"));
    }

    @AfterEach
    void stop() {
        plugins.forEach(InfrakitReplayPlugin::close);
        home.close();
    }

    @Test
    void lsListsTheGroupsWithTheirMembers() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");

        Run ls = run("group", "ls", "--plugin", "mystack");

        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.out()).isEqualTo("""
                ID      INSTANCES  CONVERGED
                cattle  5          true
                """);
        assertThat(mystack.calls()).containsExactly(
                goCall("Group.InspectGroups", "mystack/groups", ""),
                goCall("Group.DescribeGroup", "mystack/cattle", "cattle"));
    }

    @Test
    void theOnlyPluginServingAllGroupsIsTheDefault() throws Exception {
        serve("mystack");

        Run ls = run("group", "ls");

        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.out()).contains("cattle  5");
    }

    @Test
    void twoPluginsServingAllGroupsAndNoGroupSocketNameNoDefault() throws Exception {
        serve("mystack");
        serve("otherstack");

        Run ls = run("group", "ls");

        assertThat(ls.exitCode()).isEqualTo(ExitCode.PLUGIN);
        assertThat(ls.out()).isEmpty();
        assertThat(ls.err()).isEqualTo("infrakit: no default group plugin: 'group' does not serve and 2 plugins serve "
                + "all groups; name one with --plugin NAME or NAME/GROUP; group plugins: mystack, otherstack\n");
    }

    @Test
    void describeShowsMembersAndSizeAndSaysWhatIsNotOffered() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");

        Run describe = run("group", "describe", "mystack/cattle");

        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).startsWith("""
                group cattle: converged, desired 5, current 5
                  phase, health and rollout progress: not offered by plugin mystack (InfraKit)
                """);
        assertThat(describe.out().lines().filter(line -> line.startsWith("instance-"))).hasSize(5);
        assertThat(mystack.calls()).containsExactly(
                goCall("Group.InspectGroups", "mystack/cattle", ""),
                goCall("Group.DescribeGroup", "mystack/cattle", "cattle"),
                goCall("Group.Size", "mystack/cattle", "cattle"));
    }

    @Test
    void describeAsJsonCarriesTheSizeAndWhatIsMissing() throws Exception {
        serve("mystack");

        Run describe = run("group", "describe", "mystack/cattle", "-o", "json");

        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("\"Desired\" : 5")
                .contains("\"Missing\" : \"phase, health and rollout progress: not offered by plugin mystack "
                        + "(InfraKit)\"")
                .doesNotContain("\"Status\"");
    }

    @Test
    void scaleReadsTheSizeThenSetsIt() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");

        Run scale = run("group", "scale", "mystack/cattle", "4");

        assertThat(scale.exitCode()).as(scale.toString()).isZero();
        assertThat(scale.out()).isEqualTo("Group cattle at 5 instances, scale to 4\n");
        assertThat(mystack.calls()).containsExactly(
                goCall("Group.InspectGroups", "mystack/cattle", ""),
                goCall("Group.Size", "mystack/cattle", "cattle"),
                goSetSize(4));
    }

    @Test
    void freeLeavesTheInstancesAlone() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");

        Run free = run("group", "free", "--plugin", "mystack", "cattle");

        assertThat(free.exitCode()).as(free.toString()).isZero();
        assertThat(free.out()).isEqualTo("Freed cattle\n");
        assertThat(mystack.calls()).containsExactly(
                goCall("Group.InspectGroups", "mystack/cattle", ""),
                goCall("Group.FreeGroup", "mystack/cattle", "cattle"));
    }

    @Test
    void destroyDestroysTheGroup() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");

        Run destroy = run("group", "destroy", "mystack/cattle");

        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
        assertThat(destroy.out()).isEqualTo("Destroy cattle initiated\n");
        assertThat(mystack.calls()).containsExactly(
                goCall("Group.InspectGroups", "mystack/cattle", ""),
                goCall("Group.DestroyGroup", "mystack/cattle", "cattle"));
    }

    @Test
    void commitWaitsOnTheMembersAndTheSize() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");
        Path spec = Files.writeString(home.resolve("cattle.json"), goCommittedSpec());

        Run commit = run("group", "commit", "--plugin", "mystack", spec.toString(), "--wait", "1m");

        assertThat(commit.exitCode()).as(commit.toString()).isZero();
        assertThat(commit.out()).isEqualTo("""
                Committed cattle: Managing 5 instances
                group cattle: converged, 5 of 5 current
                """);
        assertThat(commit.err()).isEqualTo(
                "infrakit: health and rollout progress: not offered by plugin mystack (InfraKit)\n");
        assertThat(mystack.calls()).containsExactly(
                "Group.CommitGroup " + goCommit().request().path("params"),
                goCall("Group.DescribeGroup", "mystack/cattle", "cattle"),
                goCall("Group.Size", "mystack/cattle", "cattle"));
    }

    @Test
    void watchFollowsTheMembersAndTheSizeInsteadOfEvents() throws Exception {
        serve("mystack");

        Run watch = run("group", "watch", "mystack/cattle", "--until-converged");

        assertThat(watch.exitCode()).as(watch.toString()).isZero();
        assertThat(watch.out()).isEqualTo("group cattle: converged, 5 of 5 current\n");
        assertThat(watch.err()).isEqualTo("infrakit: events: not offered by plugin mystack (InfraKit); showing the "
                + "group's members and size instead\n");
    }

    @Test
    void historyIsNotOfferedAndSaysSo() throws Exception {
        serve("mystack");

        Run history = run("group", "history", "mystack/cattle");

        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(history.out()).isEqualTo("history: not offered by plugin mystack (InfraKit)\n");
    }

    @Test
    void pauseNeedsTheRolloutExtension() throws Exception {
        InfrakitReplayPlugin mystack = serve("mystack");

        Run pause = run("group", "pause", "mystack/cattle");

        assertThat(pause.exitCode()).isEqualTo(ExitCode.PLUGIN);
        assertThat(pause.out()).isEmpty();
        assertThat(pause.err()).isEqualTo("infrakit: group pause: Rollout/0.1.0: not offered by plugin mystack "
                + "(InfraKit): it serves InfraKit's Group methods alone\n");
        assertThat(mystack.calls()).containsExactly(goCall("Group.InspectGroups", "mystack/cattle", ""));
    }

    @Test
    void anUnknownGroupIsNamedWithTheGroupsThePluginHas() throws Exception {
        serve("mystack");

        Run describe = run("group", "describe", "mystack/nosuchgroup");

        assertThat(describe.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(describe.err()).isEqualTo("infrakit: no group 'nosuchgroup'; groups: cattle\n");
    }

    @Test
    void thePluginNamedTwiceDifferentlyIsAUsageError() throws Exception {
        serve("mystack");

        Run describe = run("group", "describe", "--plugin", "otherstack", "mystack/cattle");

        assertThat(describe.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(describe.err()).startsWith(
                "infrakit: two group plugins named: --plugin otherstack and mystack/cattle");
    }

    /** Runs a command; none may start a manager of ours, as the plugin is InfraKit's. */
    private Run run(String... args) {
        Run run = home.run(args);
        assertThat(run.err()).doesNotContain("started the manager");
        assertThat(home.resolve("manager.pid")).doesNotExist();
        return run;
    }

    /** InfraKit's manager from its first commit of cattle (5 instances) to the destroy of cattle. */
    private InfrakitReplayPlugin serve(String name) throws Exception {
        int committed = -1;
        int destroyed = -1;
        for (int i = 0; i < GO_CLI.size(); i++) {
            GoExchange exchange = GO_CLI.get(i);
            if (committed < 0 && exchange.rpcMethod().equals("Group.CommitGroup")
                    && !exchange.request().path("params").path("Pretend").asBoolean()) {
                committed = i;
            }
            if (exchange.rpcMethod().equals("Group.DestroyGroup")) {
                destroyed = i;
            }
        }
        List<GoExchange> mystack = GO_CLI.subList(committed, destroyed + 1).stream()
                .filter(exchange -> exchange.plugin().equals("mystack")).toList();
        InfrakitReplayPlugin plugin = InfrakitReplayPlugin.serve(home.resolve("plugins").resolve(name), mystack);
        plugins.add(plugin);
        return plugin;
    }

    /** The first commit InfraKit's CLI made (not pretended). */
    private static GoExchange goCommit() {
        return GoWireCaptures.select(GO_CLI, "mystack", "Group.CommitGroup").stream()
                .filter(exchange -> !exchange.request().path("params").path("Pretend").asBoolean())
                .findFirst().orElseThrow();
    }

    private static String goCommittedSpec() {
        return goCommit().request().path("params").path("Spec").toString();
    }

    /** The call InfraKit's CLI made with this method, Name and ID, as {@code method params}. */
    private static String goCall(String method, String name, String id) {
        return GoWireCaptures.select(GO_CLI, "mystack", method).stream()
                .map(exchange -> exchange.request().path("params"))
                .filter(params -> params.path("Name").asText().equals(name) && params.path("ID").asText().equals(id))
                .map(params -> method + " " + params)
                .findFirst().orElseThrow(() -> new AssertionError("InfraKit's CLI never called " + method + " "
                        + name + " " + id));
    }

    private static String goSetSize(int size) {
        return GoWireCaptures.select(GO_CLI, "mystack", "Group.SetSize").stream()
                .map(exchange -> exchange.request().path("params"))
                .filter(params -> params.path("Size").asInt() == size)
                .map(params -> "Group.SetSize " + params)
                .findFirst().orElseThrow();
    }

}
