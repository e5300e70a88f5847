package io.infrakit.cli;

import io.infrakit.common.UsageException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupAddressTest {

    @Test
    void aBareIdIsAGroupOfTheDefaultPluginOrOfTheOneNamed() {
        assertThat(GroupAddress.parse("cattle", Optional.empty()))
                .isEqualTo(new GroupAddress(Optional.empty(), GroupId.of("cattle")));
        assertThat(GroupAddress.parse("cattle", Optional.of(PluginName.of("mystack"))))
                .isEqualTo(new GroupAddress(Optional.of(PluginName.of("mystack")), GroupId.of("cattle")));
    }

    @Test
    void nameSlashIdNamesThePluginAsInfrakitsCliDoes() {
        assertThat(GroupAddress.parse("mystack/cattle", Optional.empty()))
                .isEqualTo(new GroupAddress(Optional.of(PluginName.of("mystack")), GroupId.of("cattle")));
        assertThat(GroupAddress.parse("mystack/cattle", Optional.of(PluginName.of("mystack"))).plugin())
                .contains(PluginName.of("mystack"));
    }

    @Test
    void twoDifferentPluginsAreAUsageError() {
        assertThatThrownBy(() -> GroupAddress.parse("mystack/cattle", Optional.of(PluginName.of("group"))))
                .isInstanceOf(UsageException.class)
                .hasMessage("two group plugins named: --plugin group and mystack/cattle");
    }

    @Test
    void whatIsNoPluginNameOrNoGroupIdIsRefusedAsAGroupId() {
        assertThatThrownBy(() -> GroupAddress.parse("../x", Optional.empty()))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("Group ID \"../x\"");
        assertThatThrownBy(() -> GroupAddress.parse("mystack/", Optional.empty()))
                .isInstanceOf(InvalidSpecException.class).hasMessage("Group ID must not be blank");
        assertThatThrownBy(() -> GroupAddress.parse("mystack/a/b", Optional.empty()))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("Group ID \"a/b\"");
    }
}
