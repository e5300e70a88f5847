package io.infrakit.cli.playbook;

import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.CliHome;
import io.infrakit.cli.ExitCode;
import io.infrakit.testkit.git.GitServer;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile playbooks served by a real {@code git daemon}, added and run as a user would, against a running manager:
 * specs that would make a plugin or the image builder read a host file, links out of the checkout, and a tree bomb.
 * Each is refused with its exit code and one line, without a stack trace, and changes nothing: no group stored, no
 * instance, no image, no cache. The "secret" is a file of this test, outside every checkout. A trusted playbook may
 * still do what it did before.
 */
class PlaybookHostileIT {

    private static final String ADVICE = "; a playbook that is not trusted may not name it (--trust allows it)";

    @TempDir
    static Path work;

    private static CliHome home;
    private static GitServer server;
    private static Path secret;
    private static String secretText;

    @BeforeAll
    static void aManagerAGitDaemonAndASecret() throws IOException {
        home = CliHome.create("ik-hostile", Map.of());
        Run started = home.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        server = GitServer.start(work.resolve("git"));
        secretText = "S3CRET-" + UUID.randomUUID();
        secret = Files.writeString(work.resolve("secret"), secretText + "\n");
    }

    @AfterAll
    static void stop() {
        server.close();
        home.close();
    }

    @Test
    void aFlavorReadingAHostFileIsRefusedWhateverTheMode() throws IOException {
        String url = publish("flavor", Map.of("groups/g.json.ftl", "{\"Properties\": {\"Allocation\": {\"Size\": 1},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {}}, \"Flavor\": {\"Plugin\": \"vanilla\","
                + " \"Properties\": {\"InitScriptTemplateURL\": \"file://" + secret + "\"}}}}"));
        assertThat(home.run("playbook", "add", "flavor", url).exitCode()).isZero();
        State before = State.of(home);

        for (String mode : List.of("--accept-defaults", "--pretend", "--print-only")) {
            assertRefused(home.run("playbook", "run", "flavor", "up", mode), ExitCode.INVALID_SPEC,
                    "groups/g.json.ftl: Properties.Flavor.Properties.InitScriptTemplateURL \"file://" + secret
                            + "\" is outside the playbook tree and the built images" + ADVICE);
        }
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void aMisspeltFieldInAPlaybooksTemplateIsNamedAtTheTemplatesLineAndNothingIsCommitted() throws IOException {
        String url = publish("misspelt", Map.of("groups/g.json.ftl", """
                <#-- a line the rendered spec does not have -->
                {"Properties": {
                  "Alocation": {"Size": 1},
                  "Instance": {"Plugin": "file"}, "Flavor": {"Plugin": "vanilla"}}}
                """));
        assertThat(home.run("playbook", "add", "misspelt", url).exitCode()).isZero();
        State before = State.of(home);

        assertRefused(home.run("playbook", "run", "misspelt", "up"), ExitCode.INVALID_SPEC,
                "groups/g.json.ftl:3:3: unknown field 'Alocation'; did you mean 'Allocation'?\n");
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void aQemuKernelOnTheHostIsRefused() throws IOException {
        String url = publish("qemu", Map.of("groups/g.json.ftl", "{\"Properties\": {\"Allocation\": {\"Size\": 1},"
                + " \"Instance\": {\"Plugin\": \"qemu\", \"Properties\": {\"Kernel\": \"" + secret + "\","
                + " \"Initrd\": \"" + secret + "\"}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}"));
        assertThat(home.run("playbook", "add", "qemu", url).exitCode()).isZero();
        State before = State.of(home);

        assertRefused(home.run("playbook", "run", "qemu", "up"), ExitCode.INVALID_SPEC,
                "groups/g.json.ftl: Properties.Instance.Properties.Kernel \"" + secret
                        + "\" is outside the playbook tree and the built images" + ADVICE);
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void aContainerMountingTheHostOrAnAwsEndpointOfTheAuthorsIsRefused() throws IOException {
        String mount = publish("mount", Map.of("groups/g.json.ftl", "{\"Properties\": {\"Allocation\": {\"Size\": 1},"
                + " \"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"busybox\","
                + " \"Binds\": [\"/:/host\"]}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}"));
        String endpoint = publish("endpoint", Map.of("groups/g.json.ftl", "{\"Properties\": {\"Allocation\": "
                + "{\"Size\": 1}, \"Instance\": {\"Plugin\": \"aws\", \"Properties\": {\"Endpoint\": "
                + "\"http://collector.example\", \"RunInstancesInput\": {\"ImageId\": \"ami-12345678\"}}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}}}"));
        assertThat(home.run("playbook", "add", "mount", mount).exitCode()).isZero();
        assertThat(home.run("playbook", "add", "endpoint", endpoint).exitCode()).isZero();
        State before = State.of(home);

        for (String mode : List.of("--accept-defaults", "--pretend", "--print-only")) {
            assertRefused(home.run("playbook", "run", "mount", "up", mode), ExitCode.INVALID_SPEC,
                    "groups/g.json.ftl: Properties.Instance.Properties.Binds[0] \"/:/host\" is outside the playbook "
                            + "tree and the built images" + ADVICE);
            assertRefused(home.run("playbook", "run", "endpoint", "up", mode), ExitCode.INVALID_SPEC,
                    "groups/g.json.ftl: Properties.Instance.Properties.Endpoint \"http://collector.example\" chooses "
                            + "the endpoint or the credentials the plugin acts with" + ADVICE);
        }
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void anImageWhoseKernelOrBusyboxIsAHostFileIsNotBuilt() throws IOException {
        String kernel = publishImage("kernel", "kernel: {path: " + secret + "}\n");
        String busybox = publishImage("busybox", "kernel: {path: vmlinuz}\nbusybox: " + secret + "\n");
        assertThat(home.run("playbook", "add", "kernel", kernel).exitCode()).isZero();
        assertThat(home.run("playbook", "add", "busybox", busybox).exitCode()).isZero();
        State before = State.of(home);

        assertRefused(home.run("playbook", "run", "kernel", "up"), ExitCode.INVALID_SPEC,
                "img.yml: kernel.path " + secret + " is outside the playbook tree and the built images" + ADVICE);
        assertRefused(home.run("playbook", "run", "busybox", "up"), ExitCode.INVALID_SPEC,
                "img.yml: busybox " + secret + " is outside the playbook tree and the built images" + ADVICE);
        assertThat(home.resolve("images")).doesNotExist();
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void aReadmeLinkingOutOfTheCheckoutIsNotAdded() throws IOException {
        Path tree = tree("readme", Map.of());
        Files.createSymbolicLink(tree.resolve("README.md"), secret);
        String url = server.publish(tree, "readme");
        State before = State.of(home);

        Run added = home.run("playbook", "add", "readme", url);

        assertRefused(added, ExitCode.FETCH, "cannot fetch " + url + "#main: commit ");
        assertThat(added.err()).contains(" is refused: its symbolic link 'README.md' points outside the repository;"
                + " nothing was checked out");
        assertThat(State.of(home)).isEqualTo(before);
        assertThat(home.run("playbook", "ls").out()).doesNotContain("readme");
    }

    @Test
    void aDirectoryWhoseReadmeOrTemplateLinksOutIsNotShownOrRendered() throws IOException {
        Path tree = tree("linked", Map.of());
        Files.createSymbolicLink(tree.resolve("README.md"), secret);
        Files.delete(tree.resolve("groups/g.json.ftl"));
        Files.createSymbolicLink(tree.resolve("groups/g.json.ftl"), secret);
        State before = State.of(home);

        assertRefused(home.run("playbook", "show", tree.toString()), ExitCode.INVALID_SPEC,
                "README.md: leads to " + secret.toRealPath() + ", outside the playbook tree; a playbook's files are "
                        + "read only inside it");
        Files.delete(tree.resolve("README.md"));
        // templates say which of their own files is refused, the link, as for include() and file()
        assertRefused(home.run("playbook", "run", tree.toString(), "up", "--print-only"), ExitCode.INVALID_SPEC,
                "'" + tree.resolve("groups/g.json.ftl") + "' is outside the playbook tree");
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void aTreeBombIsRefusedBeforeItIsWrittenAndLeavesNoCache() throws IOException {
        Path bare = server.emptyRepository("bomb.git");
        commitBomb(bare, null);
        State before = State.of(home);
        Instant start = Instant.now();

        Run added = home.run("playbook", "add", "bomb", server.url("bomb.git"));

        assertRefused(added, ExitCode.FETCH, "cannot fetch " + server.url("bomb.git") + "#main: commit ");
        assertThat(added.err()).contains(" is refused: it has more than 20000 files and directories "
                + "(INFRAKIT_PLAYBOOK_MAX_FILES); nothing was checked out");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(State.of(home)).isEqualTo(before);
    }

    @Test
    void anUpdateToATreeBombIsRefusedAndKeepsThePinnedCheckout() throws IOException {
        String url = publish("grows", Map.of());
        assertThat(home.run("playbook", "add", "grows", url).exitCode()).isZero();
        List<Path> checkout = files(home.resolve("playbooks/grows"));
        State before = State.of(home);
        commitBomb(work.resolve("git/served/grows.git"), server.git().run(work.resolve("git/served/grows.git"),
                "rev-parse", "main"));

        Run updated = home.run("playbook", "update", "grows");

        assertRefused(updated, ExitCode.FETCH, "cannot fetch " + url + "#main: commit ");
        assertThat(updated.err()).contains("it has more than 20000 files and directories");
        assertThat(State.of(home)).isEqualTo(before);
        assertThat(files(home.resolve("playbooks/grows"))).isEqualTo(checkout);
    }

    @Test
    void theBytesOfACheckoutAreLimitedAsConfigured() throws IOException {
        String url = publish("heavy", Map.of("blob.bin", "x".repeat(2 * 1024 * 1024)));
        try (CliHome limited = CliHome.create("ik-heavy", Map.of("INFRAKIT_PLAYBOOK_MAX_BYTES", "1MiB"))) {
            Run added = limited.run("playbook", "add", "heavy", url);

            assertRefused(added, ExitCode.FETCH, "cannot fetch " + url + "#main: commit ");
            assertThat(added.err()).contains("is refused: its files hold more than 1 MiB "
                    + "(INFRAKIT_PLAYBOOK_MAX_BYTES); nothing was checked out");
            assertThat(files(limited.resolve("playbooks"))).allMatch(path -> path.endsWith(".registry.lock"));
        }
    }

    @Test
    void aTrustedPlaybookStillMayReadAHostFileIntoItsInstances() throws IOException {
        String url = publish("trusted", Map.of("groups/g.json.ftl", "{\"Properties\": {\"Allocation\": {\"Size\": 1},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {}}, \"Flavor\": {\"Plugin\": \"vanilla\","
                + " \"Properties\": {\"InitScriptTemplateURL\": \"file://" + secret + "\"}}}}"));
        try (CliHome own = CliHome.create("ik-trusted", Map.of())) {
            assertThat(own.run("playbook", "add", "trusted", url, "--trust").exitCode()).isZero();

            Run up = own.run("playbook", "run", "trusted", "up", "--wait", "60s");

            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.out()).contains("group g: committed: ");
            List<Path> instances = files(own.resolve("instances/file"));
            assertThat(instances).hasSize(1);
            assertThat(own.resolve("instances/file").resolve(instances.get(0))).content().contains(secretText);
        }
    }

    /** Serves {@code name}.git: a playbook whose command 'up' commits group g from groups/g.json.ftl, plus files. */
    private static String publish(String name, Map<String, String> files) throws IOException {
        return server.publish(tree(name, files), name);
    }

    private static String publishImage(String name, String imageSpec) throws IOException {
        Path tree = tree(name, Map.of("img.yml", imageSpec, "vmlinuz", "a kernel"));
        Files.writeString(tree.resolve("playbook.groovy"), "command('up') { image 'img.yml' }\n");
        return server.publish(tree, name);
    }

    private static Path tree(String name, Map<String, String> files) throws IOException {
        Path tree = Files.createDirectories(work.resolve("trees").resolve(name));
        Files.createDirectories(tree.resolve("groups"));
        Files.writeString(tree.resolve("playbook.groovy"), "command('up') { group 'g', template('groups/g.json.ftl') }\n");
        Files.writeString(tree.resolve("groups/g.json.ftl"), "{\"Properties\": {}}");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(tree.resolve(file.getKey()), file.getValue());
        }
        return tree;
    }

    /**
     * Commits on main of the bare repository a playbook beside a directory 10 levels deep with 10 entries at each
     * level: 10^10 files from a dozen objects. Returns the commit.
     */
    private static ObjectId commitBomb(Path bare, String parent) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
             ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId level = inserter.insert(Constants.OBJ_BLOB, "boom\n".getBytes(StandardCharsets.UTF_8));
            FileMode mode = FileMode.REGULAR_FILE;
            for (int depth = 0; depth < 10; depth++) {
                TreeFormatter directory = new TreeFormatter();
                for (int entry = 0; entry < 10; entry++) {
                    directory.append("d" + entry, mode, level);
                }
                level = inserter.insert(directory);
                mode = FileMode.TREE;
            }
            TreeFormatter top = new TreeFormatter();
            top.append("bomb", FileMode.TREE, level);
            top.append("playbook.groovy", FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB,
                    "command('up') { echo 'boom' }\n".getBytes(StandardCharsets.UTF_8)));
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(top));
            if (parent != null) {
                commit.setParentId(ObjectId.fromString(parent));
            }
            PersonIdent author = new PersonIdent("InfraKit Test", "test@example.com");
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage("10^10 files");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate main = repository.updateRef("refs/heads/main");
            main.setNewObjectId(id);
            assertThat(main.forceUpdate()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED,
                    RefUpdate.Result.FAST_FORWARD);
            return id;
        }
    }

    private static void assertRefused(Run run, int exitCode, String messageStart) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).startsWith("infrakit: " + messageStart);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ", "Exception", secretText);
        assertThat(run.out()).doesNotContain(secretText);
    }

    private static List<Path> files(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory) && !path.toString().contains("/.git/"))
                    .map(directory::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a refused command must leave as it was: the groups the manager keeps, the stored specs, the instances,
     * the images, the playbooks added and their caches.
     */
    private record State(String groups, Map<Path, String> stored, List<Path> instances, List<Path> images,
                         List<Path> playbooks, String lock) {

        static State of(CliHome home) throws IOException {
            Run groups = home.run("group", "ls", "-o", "json");
            assertThat(groups.exitCode()).as(groups.toString()).isZero();
            Map<Path, String> stored = new TreeMap<>();
            for (Path file : files(home.resolve("configs"))) {
                Path path = home.resolve("configs").resolve(file);
                if (Files.isRegularFile(path)) {
                    stored.put(file, Files.readString(path));
                }
            }
            Path lock = home.resolve("playbooks.lock");
            // the registry's lock file comes with its first use; it holds no playbook
            List<Path> playbooks = files(home.resolve("playbooks")).stream()
                    .filter(path -> !path.toString().equals(".registry.lock")).toList();
            return new State(groups.out(), stored, files(home.resolve("instances")), files(home.resolve("images")),
                    playbooks, Files.exists(lock) ? Files.readString(lock) : "");
        }
    }
}
