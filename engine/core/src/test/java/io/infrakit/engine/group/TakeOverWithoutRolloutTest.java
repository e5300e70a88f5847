package io.infrakit.engine.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.engine.group.simulation.VirtualScheduler;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.plugins.instance.file.FileInstancePlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.Tags;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.Revision;
import io.infrakit.testkit.ManualClock;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import io.infrakit.testkit.wire.GoExchange;
import io.infrakit.testkit.wire.GoWireCaptures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances the controller did not create are taken over as they are, with not one provision or destroy: those
 * InfraKit (Go) created for InfraKit's cattle.json, and those an earlier version of this project tagged with its
 * former config hash (docs/groups.md, "The config hash"). The instances are files of the real file plugin.
 */
class TakeOverWithoutRolloutTest {

    static final GroupId CATTLE = GroupId.of("cattle");
    static final String GO_HASH = "x4nrsdaibscmj7awpkxzx5vvpt6pilw2";
    /** What this project wrote for cattle.json before its hash was InfraKit's. */
    static final String LEGACY_HASH = "6qf652v5na2wmmxvbstyncd22nhlwkn4";
    static final Duration POLL = Duration.ofSeconds(10);

    @TempDir
    Path instanceDir;
    @TempDir
    Path configs;

    final VirtualClock clock = new VirtualClock(ManualClock.DEFAULT_START);
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    DefaultGroupController controller;

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void instancesInfraKitGoCreatedForCattleJsonAreTakenOverAsTheyAre() throws IOException {
        List<JsonNode> goMembers = goMembersOfCattle();
        assertThat(goMembers).hasSize(5).allSatisfy(member ->
                assertThat(member.path("Tags").path(Tags.CONFIG_HASH).asText()).isEqualTo(GO_HASH));
        goMembers.forEach(member -> writeGoInstanceFile(member, GO_HASH));
        Map<String, String> before = directory();
        CountingInstances instances = new CountingInstances(new FileInstancePlugin(instanceDir), true);
        controller = controller(instances, JournalStore.none());

        controller.commitGroup(cattleAsGoCommittedIt(), false);
        scheduler.advanceUntil(() -> controller.status(CATTLE).converged(), POLL, Duration.ofHours(1));
        scheduler.advance(POLL.multipliedBy(6));

        assertThat(instances.provisioned()).isEmpty();
        assertThat(instances.destroyed()).isEmpty();
        assertThat(instances.labelled()).isEmpty();
        assertThat(directory()).as("every instance file as InfraKit (Go) left it").isEqualTo(before);
        assertThat(controller.status(CATTLE).targetHash()).isEqualTo(GO_HASH);
        assertThat(controller.describeGroup(CATTLE).instances()).extracting(i -> i.id().value())
                .containsExactlyInAnyOrderElementsOf(before.keySet());
        assertThat(controller.events(CATTLE, 0)).extracting(GroupEvent::type)
                .doesNotContain("Provisioned", "Destroyed", "RolloutStarted");
    }

    @Test
    void aHomeAndMembersWrittenWithTheLegacyHashConvergeAfterAnUpgradeAndTheMembersAreRelabelled()
            throws IOException {
        writeLegacyHome();
        goMembersOfCattle().forEach(member -> writeGoInstanceFile(member, LEGACY_HASH));
        Map<String, String> before = directory();
        CountingInstances instances = new CountingInstances(new FileInstancePlugin(instanceDir), true);

        restartUnderTheNewHash(instances);

        assertThat(instances.provisioned()).isEmpty();
        assertThat(instances.destroyed()).isEmpty();
        assertThat(directory().keySet()).isEqualTo(before.keySet());
        assertThat(new FileInstancePlugin(instanceDir).describeInstances(Map.of(), false)).hasSize(5)
                .allSatisfy(member -> assertThat(member.tags()).containsEntry(Tags.CONFIG_HASH, GO_HASH)
                        .containsEntry(Tags.GROUP, "cattle").containsEntry("tier", "web"));
        assertUpgradedHome();
    }

    @Test
    void membersWithTheLegacyHashOnAPluginThatCannotLabelCountAsCurrent() throws IOException {
        writeLegacyHome();
        goMembersOfCattle().forEach(member -> writeGoInstanceFile(member, LEGACY_HASH));
        Map<String, String> before = directory();
        CountingInstances instances = new CountingInstances(new FileInstancePlugin(instanceDir), false);

        restartUnderTheNewHash(instances);

        assertThat(instances.provisioned()).isEmpty();
        assertThat(instances.destroyed()).isEmpty();
        assertThat(directory()).as("untouched").isEqualTo(before);
        assertUpgradedHome();
    }

    @Test
    void theLegacyHashIsTheOneEarlierVersionsWrote() {
        assertThat(GroupPropertiesParser.parse(cattleAsGoCommittedIt().properties()).legacyConfigHash())
                .isEqualTo(LEGACY_HASH);
    }

    /** The manager commits every stored spec twice when it starts; the controller then polls. */
    private void restartUnderTheNewHash(CountingInstances instances) {
        controller = controller(instances, new FileJournalStore(configs));
        controller.commitGroup(cattleAsGoCommittedIt(), false);
        controller.commitGroup(cattleAsGoCommittedIt(), false);
        scheduler.advanceUntil(() -> controller.status(CATTLE).converged(), POLL, Duration.ofHours(1));
        scheduler.advance(POLL.multipliedBy(6));
    }

    private void assertUpgradedHome() {
        String olderHash = GroupPropertiesParser.parse(olderCattle().properties()).configHash();
        assertThat(controller.status(CATTLE).converged()).isTrue();
        assertThat(controller.status(CATTLE).targetHash()).isEqualTo(GO_HASH);
        assertThat(controller.history(CATTLE)).extracting(Revision::id).containsExactly(GO_HASH, olderHash);
        assertThat(controller.history(CATTLE)).extracting(Revision::provenHealthy).containsExactly(true, true);
        assertThat(new FileJournalStore(configs).loadRevision(CATTLE, olderHash))
                .as("the older revision can still be rolled back to")
                .contains(olderCattle().properties());
        assertThat(controller.events(CATTLE, 0)).extracting(GroupEvent::type)
                .doesNotContain("Provisioned", "Destroyed", "RolloutStarted");
    }

    /** What an earlier version left in the home: cattle.json proven healthy, after an older revision. */
    private void writeLegacyHome() {
        FileJournalStore journals = new FileJournalStore(configs);
        String olderLegacyHash = GroupPropertiesParser.parse(olderCattle().properties()).legacyConfigHash();
        Instant older = ManualClock.DEFAULT_START.minus(Duration.ofDays(2));
        Instant last = ManualClock.DEFAULT_START.minus(Duration.ofDays(1));
        journals.saveRevision(CATTLE, olderLegacyHash, olderCattle().properties());
        journals.saveRevision(CATTLE, LEGACY_HASH, cattleAsGoCommittedIt().properties());
        journals.save(CATTLE, new RolloutJournal(LEGACY_HASH, LEGACY_HASH, null, LEGACY_HASH, false, "", false,
                List.of(new RolloutJournal.Entry(LEGACY_HASH, last, "rolling update of 5 instances", last),
                        new RolloutJournal.Entry(olderLegacyHash, older, "creating 5 instances", older))));
    }

    private DefaultGroupController controller(CountingInstances instances, JournalStore journals) {
        return new DefaultGroupController(new MapLookup().instance("instance-file", instances)
                .flavor("flavor-vanilla", new ScriptedFlavorPlugin()), clock, scheduler, scheduler,
                ControllerSettings.defaults(), journals);
    }

    /** The group spec the Go CLI committed for InfraKit's cattle.json. */
    static GroupSpec cattleAsGoCommittedIt() {
        return Any.of(cattleCommit().request().path("params").path("Spec")).decode(GroupSpec.class);
    }

    static GroupSpec olderCattle() {
        ObjectNode spec = (ObjectNode) cattleCommit().request().path("params").path("Spec").deepCopy();
        ((ObjectNode) spec.path("Properties").path("Instance").path("Properties"))
                .put("Note", "Instance properties version 0.9");
        return Any.of(spec).decode(GroupSpec.class);
    }

    private static GoExchange cattleCommit() {
        return GoWireCaptures.select(GoWireCaptures.cliToGo(), "mystack", "Group.CommitGroup").stream()
                .filter(exchange -> exchange.request().path("params").path("Spec").path("ID").asText()
                        .equals("cattle"))
                .findFirst().orElseThrow();
    }

    /** The five members of cattle as the Go manager described them, each its instance-file description. */
    static List<JsonNode> goMembersOfCattle() {
        JsonNode instances = GoWireCaptures.select(GoWireCaptures.cliToGo(), "mystack", "Group.DescribeGroup")
                .get(0).response().path("result").path("Description").path("Instances");
        List<JsonNode> members = new ArrayList<>();
        instances.forEach(members::add);
        return members;
    }

    /**
     * The file Go's instance-file writes for an instance: its description's ID, LogicalID and Tags, and the
     * provision spec (which DescribeInstances returns as Properties), here with this config hash in both tag sets.
     */
    private void writeGoInstanceFile(JsonNode member, String configHash) {
        ObjectNode file = Json.mapper().createObjectNode();
        file.put("ID", member.path("ID").asText());
        file.set("LogicalID", member.path("LogicalID"));
        file.set("Tags", member.path("Tags").deepCopy());
        file.set("Spec", member.path("Properties").deepCopy());
        ((ObjectNode) file.path("Tags")).put(Tags.CONFIG_HASH, configHash);
        ((ObjectNode) file.path("Spec").path("Tags")).put(Tags.CONFIG_HASH, configHash);
        try {
            Files.writeString(instanceDir.resolve(member.path("ID").asText()),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> directory() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(instanceDir)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        }
        return files;
    }
}
