package io.infrakit.playbooks;

import io.infrakit.dsl.Plan;
import io.infrakit.dsl.Playbook;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterResolverTest {

    private static final Playbook PLAYBOOK = new PlaybookDsl(SandboxLimits.defaults()).load("playbook.groovy", """
            param 'size', Integer, default: 3, description: 'how many VMs'
            param 'publicKey', String, prompt: 'SSH public key'
            param 'zones', List, default: ['a']
            command('up') { echo "${size} VMs with ${publicKey}" }
            command('down') { echo "down to ${size}" }
            """);

    @Test
    void givenValuesAreTypedAndDefaultsFillTheRest() {
        Map<String, Object> values = new ParameterResolver(Prompter.NOBODY, false)
                .resolve(PLAYBOOK, Map.of("size", "5", "publicKey", "ssh-ed25519 AAA", "zones", List.of("a", "b")));

        assertThat(values).containsEntry("size", 5).containsEntry("publicKey", "ssh-ed25519 AAA")
                .containsEntry("zones", List.of("a", "b"));
    }

    @Test
    void aMissingRequiredParameterIsAskedForOnATerminalWhenTheCommandReadsIt() {
        List<String> asked = new ArrayList<>();
        Prompter person = param -> {
            asked.add(param.name());
            return Optional.of("ssh-rsa BBB");
        };

        Plan plan = new ParameterResolver(person, true).plan(PLAYBOOK, "up", Map.of());

        assertThat(asked).containsExactly("publicKey");
        assertThat(plan.params()).containsEntry("publicKey", "ssh-rsa BBB").containsEntry("size", 3);
    }

    @Test
    void aCommandThatDoesNotReadARequiredParameterRunsWithoutIt() {
        List<String> asked = new ArrayList<>();
        Prompter person = param -> {
            asked.add(param.name());
            return Optional.empty();
        };

        Plan plan = new ParameterResolver(person, true).plan(PLAYBOOK, "down", Map.of());

        assertThat(asked).isEmpty();
        assertThat(plan.params()).doesNotContainKey("publicKey").containsEntry("size", 3);
    }

    @Test
    void aMissingRequiredParameterWithNobodyToAskIsAnErrorSayingHowToGiveIt() {
        assertThatThrownBy(() -> new ParameterResolver(Prompter.NOBODY, true).plan(PLAYBOOK, "up", Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("playbook.groovy:2: parameter 'publicKey' is required; give it with --param publicKey=...");
    }

    @Test
    void anUnknownParameterNamesTheOneMeantAndTheKnownOnes() {
        assertThatThrownBy(() -> new ParameterResolver(Prompter.NOBODY, true)
                .resolve(PLAYBOOK, Map.of("sise", "4", "publicKey", "k")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("playbook.groovy: unknown parameter 'sise'; did you mean 'size'? parameters: publicKey, size, zones");
        assertThatThrownBy(() -> new ParameterResolver(Prompter.NOBODY, true)
                .resolve(PLAYBOOK, Map.of("colour", "red", "publicKey", "k")))
                .hasMessage("playbook.groovy: unknown parameter 'colour'; parameters: publicKey, size, zones");
    }

    @Test
    void aValueOfTheWrongTypeIsAnError() {
        assertThatThrownBy(() -> new ParameterResolver(Prompter.NOBODY, true)
                .resolve(PLAYBOOK, Map.of("size", "many", "publicKey", "k")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("parameter 'size' expects an integer, got 'many'");
    }
}
