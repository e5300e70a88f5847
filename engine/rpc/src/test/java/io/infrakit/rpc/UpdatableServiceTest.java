package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Json;
import io.infrakit.spi.metadata.MetadataChange;
import io.infrakit.spi.metadata.MetadataPath;
import io.infrakit.spi.metadata.MetadataProposal;
import io.infrakit.spi.metadata.MetadataTree;
import io.infrakit.spi.metadata.UpdatableMetadata;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Updatable.*} on the wire, in the shapes of InfraKit's pkg/rpc/metadata types (docs/protocol.md): a
 * changeable {@code vars} and a read-only {@code status}, picked by each request's {@code Name}.
 */
class UpdatableServiceTest {

    private final InMemoryVars vars = new InMemoryVars(MetadataTree.of(Any.parse("{\"zone\":\"a\",\"db\":{}}")));
    private final MetadataTree status = MetadataTree.of(Any.parse("{\"leader\":true}"));
    private final PluginProtocol protocol = PluginProtocol.of("group", new ServedObjects(
            () -> PluginObjects.group(new FakeGroupPlugin()), Map::of, Optional.empty(),
            Map.of("vars", vars, "status", status)));

    @Test
    void theHandshakeOffersUpdatableWithStatusAndVars() throws Exception {
        assertThat(result("Handshake.Hello", "{}").path("Objects").path("Updatable/0.1.1")).isEqualTo(json(
                "[{\"Name\":\"status\",\"ProxyFor\":\"\"},{\"Name\":\"vars\",\"ProxyFor\":\"\"}]"));
    }

    @Test
    void keysAnswerTheSortedChildrenAndNullWhereNothingIs() throws Exception {
        assertThat(result("Updatable.Keys", "{\"Name\":\"group/vars\",\"Path\":\".\"}"))
                .isEqualTo(json("{\"Name\":\"group/vars\",\"Nodes\":[\"db\",\"zone\"]}"));
        assertThat(result("Updatable.Keys", "{\"Name\":\"group/vars\",\"Path\":\"zone\"}"))
                .isEqualTo(json("{\"Name\":\"group/vars\",\"Nodes\":[]}"));
        assertThat(result("Updatable.Keys", "{\"Name\":\"group/vars\",\"Path\":\"no/where\"}"))
                .isEqualTo(json("{\"Name\":\"group/vars\",\"Nodes\":null}"));
    }

    @Test
    void getAnswersTheRawValueAndNullWhereNothingIs() throws Exception {
        assertThat(result("Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\"zone\"}"))
                .isEqualTo(json("{\"Name\":\"group/vars\",\"Value\":\"a\"}"));
        assertThat(result("Updatable.Get", "{\"Name\":\"group/status\",\"Path\":\"leader\"}"))
                .isEqualTo(json("{\"Name\":\"group/status\",\"Value\":true}"));
        assertThat(result("Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\"nothing\"}"))
                .isEqualTo(json("{\"Name\":\"group/vars\",\"Value\":null}"));
    }

    @Test
    void proposedChangesAreCommittedWithTheirCas() throws Exception {
        JsonNode proposal = result("Updatable.Changes", "{\"Name\":\"group/vars\",\"Changes\":["
                + "{\"Path\":\"db/password\",\"Value\":\"s3cret\"},{\"Path\":\"zone\",\"Value\":\"b\"}]}");

        assertThat(proposal.path("Name").asText()).isEqualTo("group/vars");
        assertThat(proposal.path("Original")).isEqualTo(json("{\"zone\":\"a\",\"db\":{}}"));
        assertThat(proposal.path("Proposed")).isEqualTo(json("{\"zone\":\"b\",\"db\":{\"password\":\"s3cret\"}}"));
        assertThat(proposal.path("Cas").asText()).isNotEmpty();
        assertThat(result("Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\"zone\"}").path("Value").asText())
                .as("nothing is changed before the commit").isEqualTo("a");

        assertThat(result("Updatable.Commit", "{\"Name\":\"group/vars\",\"Proposed\":" + proposal.path("Proposed")
                + ",\"Cas\":\"" + proposal.path("Cas").asText() + "\"}"))
                .isEqualTo(json("{\"Name\":\"group/vars\"}"));
        assertThat(result("Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\"db/password\"}").path("Value")
                .asText()).isEqualTo("s3cret");
    }

    @Test
    void aCommitOverAChangedTreeIsRefusedAndChangesNothing() throws Exception {
        JsonNode first = result("Updatable.Changes",
                "{\"Name\":\"group/vars\",\"Changes\":[{\"Path\":\"zone\",\"Value\":\"b\"}]}");
        JsonNode second = result("Updatable.Changes",
                "{\"Name\":\"group/vars\",\"Changes\":[{\"Path\":\"zone\",\"Value\":\"c\"}]}");
        result("Updatable.Commit", "{\"Name\":\"group/vars\",\"Proposed\":" + second.path("Proposed")
                + ",\"Cas\":\"" + second.path("Cas").asText() + "\"}");

        JsonNode refused = answer("Updatable.Commit", "{\"Name\":\"group/vars\",\"Proposed\":"
                + first.path("Proposed") + ",\"Cas\":\"" + first.path("Cas").asText() + "\"}");

        assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(refused.path("error").path("message").asText()).startsWith("cas mismatch");
        assertThat(result("Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\"zone\"}").path("Value").asText())
                .isEqualTo("c");
    }

    @Test
    void statusIsReadOnly() throws Exception {
        JsonNode changes = answer("Updatable.Changes",
                "{\"Name\":\"group/status\",\"Changes\":[{\"Path\":\"leader\",\"Value\":false}]}");
        JsonNode commit = answer("Updatable.Commit", "{\"Name\":\"group/status\",\"Proposed\":{},\"Cas\":\"x\"}");

        assertThat(changes.path("error").path("message").asText())
                .isEqualTo("readonly: group/status cannot be changed (Updatable.Changes)");
        assertThat(commit.path("error").path("message").asText())
                .isEqualTo("readonly: group/status cannot be changed (Updatable.Commit)");
        assertThat(result("Updatable.Get", "{\"Name\":\"group/status\",\"Path\":\"leader\"}").path("Value")
                .asBoolean()).isTrue();
    }

    @Test
    void anUnknownTreeIsNamedInTheError() throws Exception {
        JsonNode unknown = answer("Updatable.Get", "{\"Name\":\"group/nope\",\"Path\":\".\"}");

        assertThat(unknown.path("error").path("message").asText()).isEqualTo("no-plugin:nope");
    }

    private JsonNode result(String method, String params) throws Exception {
        JsonNode answer = answer(method, params);
        assertThat(answer.has("error")).as("error in %s", answer).isFalse();
        return answer.path("result");
    }

    private JsonNode answer(String method, String params) throws Exception {
        String request = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
        return json(new String(protocol.dispatch(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    /** Vars kept in memory, checked by cas as the manager's stored vars are. */
    private static final class InMemoryVars implements UpdatableMetadata {

        private MetadataTree tree;

        InMemoryVars(MetadataTree tree) {
            this.tree = tree;
        }

        @Override
        public Optional<List<String>> keys(MetadataPath path) {
            return tree.keys(path);
        }

        @Override
        public Any get(MetadataPath path) {
            return tree.get(path);
        }

        @Override
        public MetadataProposal changes(List<MetadataChange> changes) {
            Any proposed = tree.withChanges(changes).toAny();
            return new MetadataProposal(tree.toAny(), proposed, MetadataTree.fingerprint(tree.toAny(), proposed));
        }

        @Override
        public void commit(Any proposed, String cas) {
            if (!MetadataTree.fingerprint(tree.toAny(), proposed).equals(cas)) {
                throw new InfrakitException("cas mismatch");
            }
            tree = MetadataTree.of(proposed);
        }
    }
}
