package io.infrakit.engine.group

import io.infrakit.engine.group.simulation.VirtualClock
import io.infrakit.engine.manager.PersistingGroupPlugin
import io.infrakit.engine.store.FileSpecStore
import io.infrakit.engine.store.SpecKey
import io.infrakit.engine.store.SpecRecord
import io.infrakit.engine.store.StoredSpec
import io.infrakit.spi.Any
import io.infrakit.spi.Identifiers
import io.infrakit.spi.InfrakitException
import io.infrakit.spi.InvalidSpecException
import io.infrakit.spi.PluginNotFoundException
import io.infrakit.common.SpecText
import io.infrakit.spi.group.GroupId
import io.infrakit.spi.group.GroupSpec
import io.infrakit.spi.instance.InstanceId
import io.infrakit.testkit.FakeInstancePlugin
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Hostile input to the manager's group plugin over the real controller and the real stores (docs/security.md): a commit
 * that is refused stores nothing and changes nothing, on disk or in memory, also across a
 * restart; group IDs that cannot be file names or that would steer a terminal are refused before anything is written;
 * a stored spec an older build let in no longer breaks the other groups after a restart.
 */
class RejectedCommitHostileSpec extends Specification {

    static final String GOOD = '{"Allocation":{"Size":2},"Instance":{"Plugin":"fake","Properties":{"data":"d1"}},' +
            '"Flavor":{"Plugin":"test","Properties":{"Type":"minion"}}}'
    static final String FIVE = GOOD.replace('"Size":2', '"Size":"five"')
    static final String UNKNOWN_INSTANCE = GOOD.replace('"Plugin":"fake"', '"Plugin":"nosuch"')
    static final String UNKNOWN_FLAVOR = GOOD.replace('"Plugin":"test"', '"Plugin":"nosuch"')
    static final String MINION_PETS = GOOD.replace('"Size":2', '"LogicalIDs":["10.0.0.1"]')
    static final String ESCAPE_PET = GOOD.replace('"Size":2', '"LogicalIDs":["a\\u001b[2Jb"]')
            .replace('"minion"', '"leader"')
    static final String BEYOND_FLOAT64 = GOOD.replace('"d1"', '[1,1e400]')

    @TempDir
    Path configs

    final FakeInstancePlugin instances = new FakeInstancePlugin('fake')
    final TestFlavor flavor = new TestFlavor()
    Harness first
    Harness second

    def cleanup() {
        first?.close()
        second?.close()
    }

    def "a commit refused for #why changes nothing, on disk or in memory, also after a restart"() {
        given: 'a group committed and converged'
        first = harness()
        def groups = persisting(first)
        groups.commitGroup(spec('testGroup', GOOD), false)
        first.converge()
        def files = snapshot()
        def history = groups.history(Specs.GROUP)
        def members = instances.instances()*.id()

        when:
        groups.commitGroup(spec(id, bad), false)

        then:
        def refused = thrown(RuntimeException)
        refused.getClass() == type
        refused.message == message
        snapshot() == files
        groups.inspectGroups() == [spec('testGroup', GOOD)]
        first.controller.inspectGroups()*.id() == [Specs.GROUP]
        groups.history(Specs.GROUP) == history

        when: 'the manager restarts: it commits what it stored again, twice'
        first.close()
        second = harness()
        def restarted = persisting(second)
        def failed = restarted.recommitStored()
        second.polls(2)

        then: 'the group is managed as before: nothing replaced, nothing set aside, the stored spec the good one'
        failed.isEmpty()
        restarted.inspectGroups() == [spec('testGroup', GOOD)]
        restarted.describeGroup(Specs.GROUP).instances()*.id() == members
        instances.instances()*.id() == members
        Files.readString(configs.resolve('global.config')) == files['global.config']
        !Files.exists(configs.resolve(FileSpecStore.SET_ASIDE_DOCUMENT))

        where:
        why                               | id          | bad              | type                    || message
        'Size "five"'                     | 'testGroup' | FIVE             | InvalidSpecException    || 'Invalid properties: Allocation.Size: expected a non-negative integer, got "five"'
        'an unknown instance plugin'      | 'testGroup' | UNKNOWN_INSTANCE | PluginNotFoundException || "Failed to find Instance plugin 'nosuch':unknown plugin 'nosuch'; known: fake"
        'an unknown plugin, a new group'  | 'ghost'     | UNKNOWN_INSTANCE | PluginNotFoundException || "Failed to find Instance plugin 'nosuch':unknown plugin 'nosuch'; known: fake"
        'an unknown flavor, a new group'  | 'ghost'     | UNKNOWN_FLAVOR   | PluginNotFoundException || "Failed to find Flavor plugin 'nosuch':unknown plugin 'nosuch'; known: test"
        "the flavor's own Validate"       | 'testGroup' | MINION_PETS      | InvalidSpecException    || 'minion must use Size'
        'a logical ID holding ESC'        | 'ghost'     | ESCAPE_PET       | InvalidSpecException    || 'Invalid properties: Allocation.LogicalIDs: a logical ID "a\\u001B[2Jb" holds a control character (U+001B) at position 2'
        'a number no float64 holds'       | 'testGroup' | BEYOND_FLOAT64   | InvalidSpecException    || 'Invalid properties: Instance.Properties.data[1]: a number beyond the range of a float64 (InfraKit cannot hash it)'
    }

    def "a group ID #what is refused in one escaped line, before anything is written"() {
        when:
        SpecText.read('cattle.json', '{"ID": ' + json + ', "Properties": ' + GOOD + '}', GroupSpec)

        then:
        def refused = thrown(InvalidSpecException)
        refused.message ==~ /cattle\.json:1:\d+: ID: .*/
        refused.message.endsWith(': ID: ' + message)
        refused.message.lines().count() == 1
        Identifiers.firstUnsafe(refused.message) == -1
        !Files.list(configs).findAny().isPresent()

        where:
        what                     | json                                 || message
        'of 10,000 characters'   | '"' + 'a' * 10_000 + '"'             || 'Group ID "' + 'a' * 64 + '..." is too long: 10000 characters, at most 128'
        'holding ESC'            | '"a\\u001b[31mred"'                  || 'Group ID "a\\u001B[31mred" holds a control character (U+001B) at position 2; use letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit'
        'holding NUL'            | '"a\\u0000b"'                        || 'Group ID "a\\u0000b" holds a control character (U+0000) at position 2; use letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit'
        'holding a newline'      | '"a\\nb"'                            || 'Group ID "a\\nb" holds a control character (U+000A) at position 2; use letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit'
        'holding a bidi override'| '"abc\\u202Etxt.exe"'                || 'Group ID "abc\\u202Etxt.exe" holds an invisible formatting character such as a bidi override (U+202E) at position 4; use letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit'
        'naming a path'          | '"../etc"'                           || 'Group ID "../etc" holds \'.\' at position 1; use letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit'
        'holding a slash'        | '"a/b"'                              || 'Group ID "a/b" holds \'/\' at position 2; use letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit'
        'that is blank'          | '" "'                                || 'Group ID must not be blank'
    }

    def "every ID InfraKit's examples and ours use is a group ID"() {
        expect:
        GroupId.of(id).value() == id

        where:
        id << ['cattle', 'workers', 'web', 'vms', 'training', 'quickstart', 'testGroup', 'a1', 'my-group_2.v1',
               'x' * Identifiers.MAX_GROUP_ID]
    }

    def "after a restart, stored specs an older build let in are set aside and break no other group"() {
        given: 'what an older build stored: a good group, Size "five", an unknown plugin, and IDs no group can have'
        def store = new FileSpecStore(configs)
        store.save([stored('testGroup', GOOD), stored('five', FIVE), stored('ghost', UNKNOWN_INSTANCE),
                    stored('a' * 10_000, GOOD), stored('red\u001b[31m', GOOD)])

        when: 'the manager starts'
        second = harness()
        def restarted = persisting(second)
        def failed = restarted.recommitStored()
        second.converge()

        then: 'the invalid ones are set aside, kept as written; the unknown plugin stays, to be tried again'
        failed.keySet()*.value() as Set == ['five', 'ghost'] as Set
        failed[GroupId.of('five')] instanceof InvalidSpecException
        failed[GroupId.of('ghost')] instanceof PluginNotFoundException
        store.load()*.key()*.name() == ['ghost', 'testGroup']
        FileSpecStore.setAside(configs).load()*.key()*.name() as Set == ['five', 'a' * 10_000, 'red\u001b[31m'] as Set
        FileSpecStore.setAside(configs).load().find { it.key().name() == 'five' }.record().spec().properties() ==
                Any.parse(FIVE)

        and: 'the good group is managed; the listing holds the one stored but not managed'
        restarted.inspectGroups()*.id()*.value() == ['ghost', 'testGroup']
        restarted.describeGroup(Specs.GROUP).instances().size() == 2

        when: 'the unmanaged one is freed and the good one destroyed'
        restarted.freeGroup(GroupId.of('ghost'))
        restarted.destroyGroup(Specs.GROUP)

        then:
        restarted.inspectGroups().isEmpty()
        instances.instances().isEmpty()
    }

    def "destroy-instances naming #why destroys nothing and changes nothing"() {
        given:
        first = harness()
        def groups = persisting(first)
        groups.commitGroup(spec('testGroup', GOOD), false)
        first.converge()
        def members = instances.instances()*.id()
        def files = snapshot().findAll { it.key == 'global.config' }

        when:
        groups.destroyInstances(Specs.GROUP, ids(members).collect { InstanceId.of(it) })

        then:
        def refused = thrown(InvalidSpecException)
        refused.message == message
        instances.instances()*.id() == members
        instances.destroyed().isEmpty()
        groups.size(Specs.GROUP) == 2
        snapshot().findAll { it.key == 'global.config' } == files

        where:
        why                       | ids                                      || message
        'an unknown ID'           | { m -> ['nope'] }                        || "Group 'testGroup' has no instance nope; nothing was destroyed"
        'a member and strangers'  | { m -> [m[0].value(), 'i-1', 'i-2'] }    || "Group 'testGroup' has no instances i-1, i-2; nothing was destroyed"
    }

    def "a new group whose first revision cannot be written is neither stored nor watched"() {
        given: 'a disk that refuses the revision files'
        def files = new FileJournalStore(configs)
        def full = [load          : { GroupId id -> files.load(id) },
                    save          : { GroupId id, RolloutJournal journal -> files.save(id, journal) },
                    saveRevision  : { GroupId id, String hash, Any properties ->
                        throw new InfrakitException('cannot write revisions/' + id + '/' + hash + '.json: No space left on device') },
                    loadRevision  : { GroupId id, String hash -> files.loadRevision(id, hash) },
                    retainRevisions: { GroupId id, Collection<String> hashes -> files.retainRevisions(id, hashes) },
                    delete        : { GroupId id -> files.delete(id) }] as JournalStore
        first = new Harness(full, new VirtualClock(Harness.START), instances, flavor)
        def groups = persisting(first)

        when:
        groups.commitGroup(spec('testGroup', GOOD), false)

        then:
        def refused = thrown(InfrakitException)
        refused.message.startsWith('cannot write revisions/testGroup/')
        groups.inspectGroups().isEmpty()
        first.controller.inspectGroups().isEmpty()
        new FileSpecStore(configs).load().isEmpty()

        when: 'polls go by'
        first.polls(2)

        then: 'nothing reconciles a group that is not there'
        instances.instances().isEmpty()
    }

    def "a negative size is refused and changes nothing"() {
        given:
        first = harness()
        def groups = persisting(first)
        groups.commitGroup(spec('testGroup', GOOD), false)
        first.converge()
        def files = snapshot()

        when:
        groups.setSize(Specs.GROUP, -5)

        then:
        def refused = thrown(InvalidSpecException)
        refused.message == 'size cannot be negative'
        groups.size(Specs.GROUP) == 2
        snapshot() == files
    }

    private Harness harness() {
        new Harness(new FileJournalStore(configs), new VirtualClock(first == null ? Harness.START : first.clock.instant()),
                instances, flavor)
    }

    private PersistingGroupPlugin persisting(Harness harness) {
        new PersistingGroupPlugin(harness.controller, 'group-stateless', new FileSpecStore(configs),
                FileSpecStore.setAside(configs))
    }

    private static GroupSpec spec(String id, String properties) {
        new GroupSpec(GroupId.of(id), Any.parse(properties))
    }

    private static StoredSpec stored(String name, String properties) {
        new StoredSpec(SpecKey.group(name), new SpecRecord('group-stateless',
                new SpecRecord.Spec('group', 'Group/0.1.1', [name: name], Any.parse(properties))))
    }

    /** Every file under the configs directory and its content. */
    private Map<String, String> snapshot() {
        Files.walk(configs).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it) }.toList()
                    .collectEntries { [configs.relativize(it).toString(), Files.readString(it)] }
        }
    }
}
