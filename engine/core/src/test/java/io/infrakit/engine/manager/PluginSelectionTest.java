package io.infrakit.engine.manager;

import io.infrakit.common.UsageException;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code KIND[:NAME]} as InfraKit's {@code plugin start} takes it, and the manager's config that keeps the choice. */
class PluginSelectionTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new GroupControllerProvider(),
            provider("file", PluginObjects.flavor(new ScriptedFlavorPlugin())),
            provider("vanilla", PluginObjects.flavor(new ScriptedFlavorPlugin()))));

    @TempDir
    Path root;

    @Test
    void infraKitsOwnStartLineNamesFourPluginsWithInfraKitsDefaults() {
        assertThat(PluginSelection.resolve(List.of("manager:mystack", "group", "file:instance-file",
                "vanilla:flavor-vanilla"), REGISTRY)).containsExactly(
                new PluginSelection("manager", "mystack"), new PluginSelection("group", "group-stateless"),
                new PluginSelection("file", "instance-file"), new PluginSelection("vanilla", "flavor-vanilla"));
    }

    @Test
    void withoutAChoiceEveryPluginIsServedUnderItsOwnName() {
        assertThat(PluginSelection.defaults(REGISTRY)).extracting(PluginSelection::toString)
                .containsExactly("file:file", "group:group-stateless", "vanilla:vanilla", "manager:group");
    }

    @Test
    void anUnknownKindListsTheKinds() {
        assertThatThrownBy(() -> PluginSelection.resolve(List.of("manager", "group", "fle:instance-file"), REGISTRY))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessage("unknown plugin kind 'fle'; did you mean 'file'?; kinds: manager, group, file, vanilla");
    }

    @Test
    void aNameThatCannotBeASocketIsAUsageError() {
        assertThatThrownBy(() -> PluginSelection.resolve(List.of("file:../x"), REGISTRY))
                .isInstanceOf(UsageException.class)
                .hasMessage("'file:../x': invalid plugin name '../x': expected letters, digits, '.', '_' and '-', "
                        + "starting with a letter or digit");
        assertThatThrownBy(() -> PluginSelection.resolve(List.of("file:"), REGISTRY))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("'file:': invalid plugin name ''");
        assertThatThrownBy(() -> PluginSelection.resolve(List.of(":x"), REGISTRY))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("':x': the kind is missing");
    }

    @Test
    void twoPluginsCannotShareANameNorAKind() {
        assertThatThrownBy(() -> PluginSelection.resolve(List.of("file:x", "vanilla:x"), REGISTRY))
                .isInstanceOf(UsageException.class)
                .hasMessage("two plugins are named 'x'; give each its own name (vanilla:OTHER)");
        assertThatThrownBy(() -> PluginSelection.resolve(List.of("file", "file:other"), REGISTRY))
                .isInstanceOf(UsageException.class)
                .hasMessage("the kind 'file' is named twice; the manager serves each kind once");
    }

    @Test
    void theManagerNeedsTheGroupControllerItFronts() {
        assertThatThrownBy(() -> PluginSelection.resolve(List.of("manager:mystack", "file"), REGISTRY))
                .isInstanceOf(UsageException.class)
                .hasMessage("the manager needs the group controller it fronts: add 'group'");
    }

    @Test
    void theConfigKeepsTheChoiceAndIsReadBack() {
        InfrakitHome home = InfrakitHome.at(root);
        assertThat(ManagerConfig.selection(home, REGISTRY)).isEqualTo(PluginSelection.defaults(REGISTRY));
        List<PluginSelection> chosen = PluginSelection.resolve(List.of("manager:mystack", "group", "file:instance-file"),
                REGISTRY);

        ManagerConfig.write(home, chosen);

        assertThat(ManagerConfig.selection(home, REGISTRY)).isEqualTo(chosen);
    }

    @Test
    void aHandWrittenConfigIsReadAsYaml() throws IOException {
        Files.writeString(root.resolve("manager.yml"), "plugins:\n  - manager:mystack\n  - group\n  - vanilla\n");

        assertThat(ManagerConfig.selection(InfrakitHome.at(root), REGISTRY)).extracting(PluginSelection::toString)
                .containsExactly("manager:mystack", "group:group-stateless", "vanilla:vanilla");
    }

    @Test
    void aMisspeltFieldIsRefusedAtItsLineAndColumn() throws IOException {
        Path file = root.resolve("manager.yml");
        Files.writeString(file, "# mine\nplugin: [manager:mystack, group]\n");

        assertThatThrownBy(() -> ManagerConfig.selection(InfrakitHome.at(root), REGISTRY))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(file + ":2:1: unknown field 'plugin'; did you mean 'plugins'?");
    }

    @Test
    void aConfigNamingAnUnknownKindIsAnInvalidFile() throws IOException {
        Path file = root.resolve("manager.yml");
        Files.writeString(file, "plugins: [manager:mystack, group, fle:instance-file]\n");

        assertThatThrownBy(() -> ManagerConfig.selection(InfrakitHome.at(root), REGISTRY))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(file + ": plugins: unknown plugin kind 'fle'; did you mean 'file'?; "
                        + "kinds: manager, group, file, vanilla");
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws IOException {
        Path file = root.resolve("manager.yml");
        Files.writeString(file, "plugins: [manager:mystack, group\n");

        assertThatThrownBy(() -> ManagerConfig.selection(InfrakitHome.at(root), REGISTRY))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith(file + ":1:");
    }
}
