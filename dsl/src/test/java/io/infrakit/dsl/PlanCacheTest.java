package io.infrakit.dsl;

import io.infrakit.dsl.internal.PlanCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run seen before is answered from the plan cache, without Groovy: the same script, name, command and values give
 * the same plan, with every value of the same type; anything else is planned afresh.
 */
class PlanCacheTest {

    private static final String SCRIPT = """
            description 'cached'
            param 'size', Integer, default: 2
            param 'ratio', BigDecimal, default: 1.50
            param 'wait', Duration, default: '90s'
            param 'zones', List, default: ['a', 'b']
            param 'key', String
            command('up') {
                def img = image 'images/x.yml', vars: [key: key]
                group 'g', template('g.json.ftl', n: size * 2, ratio: ratio, wait: wait, zones: zones, kernel: img.vmlinux)
                echo "up with ${size}"
            }
            command('down') { destroy 'g' }
            """;

    @TempDir
    Path cache;

    @Test
    void aPlanSeenBeforeComesBackEqualWithItsValuesTyped() {
        Plan first = load(SCRIPT).plan("up", Map.of("key", "k1"));

        Playbook again = load(SCRIPT);
        Plan second = again.plan("up", Map.of("key", "k1"));

        assertThat(second).isEqualTo(first);
        assertThat(again.description()).isEqualTo("cached");
        assertThat(again.params()).extracting(Param::name).containsExactly("size", "ratio", "wait", "zones", "key");
        Map<String, Object> vars = ((TemplateSpec) ((CommitGroup) second.actions().get(1)).spec()).vars();
        assertThat(vars.get("n")).isEqualTo(4);
        assertThat(vars.get("ratio")).isEqualTo(new BigDecimal("1.50"));
        assertThat(vars.get("wait")).isEqualTo(Duration.ofSeconds(90));
        assertThat(vars.get("zones")).isEqualTo(List.of("a", "b"));
        assertThat(vars.get("kernel")).isEqualTo(new ImageOutput("images/x.yml", "vmlinux"));
    }

    @Test
    void theCachedPlanIsWhatIsReturnedSoASecondRunNeedsNoScript() throws IOException {
        Plan real = load(SCRIPT).plan("down", Map.of());
        Plan planted = new Plan(real.playbook(), "down", real.params(), List.of(new Echo("from the cache", 1)));
        String scriptKey = PlanCache.scriptKey("playbook.groovy", SCRIPT, SandboxLimits.defaults().timeout());
        new PlanCache(cache.resolve("plans")).storePlan(
                PlanCache.planKey(scriptKey, "down", Map.of()).orElseThrow(), planted);

        assertThat(load(SCRIPT).plan("down", Map.of())).isEqualTo(planted);
    }

    @Test
    void whatAScriptDeclaresComesFromTheCacheToo() {
        Playbook first = load(SCRIPT);
        String scriptKey = PlanCache.scriptKey("playbook.groovy", SCRIPT, SandboxLimits.defaults().timeout());
        new PlanCache(cache.resolve("plans")).storeOutline(scriptKey,
                new PlanCache.Outline("planted", first.params(), first.commands()));

        Playbook second = load(SCRIPT);

        assertThat(second.description()).isEqualTo("planted");
        assertThat(second.params()).isEqualTo(first.params());
        assertThat(second.commands()).isEqualTo(first.commands());
    }

    @Test
    void otherValuesAnotherCommandOrAnotherScriptArePlannedAfresh() {
        Plan small = load(SCRIPT).plan("up", Map.of("key", "k1", "size", 1));
        Plan big = load(SCRIPT).plan("up", Map.of("key", "k1", "size", 5));
        Plan changed = load(SCRIPT.replace("up with", "now with")).plan("up", Map.of("key", "k1", "size", 5));

        assertThat(small).isNotEqualTo(big);
        assertThat(((Echo) big.actions().get(2)).text()).isEqualTo("up with 5");
        assertThat(((Echo) changed.actions().get(2)).text()).isEqualTo("now with 5");
    }

    @Test
    void failuresAreNotCachedAndDamagedEntriesArePlannedAgain() throws IOException {
        assertThatThrownBy(() -> load(SCRIPT).plan("up", Map.of())).isInstanceOf(MissingParameterException.class);
        assertThatThrownBy(() -> load(SCRIPT).plan("up", Map.of())).isInstanceOf(MissingParameterException.class);
        Plan first = load(SCRIPT).plan("up", Map.of("key", "k1"));
        try (Stream<Path> files = Files.list(cache.resolve("plans"))) {
            for (Path file : files.toList()) {
                Files.write(file, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 't', 0, 1, 'x'});
            }
        }

        assertThat(load(SCRIPT).plan("up", Map.of("key", "k1"))).isEqualTo(first);
    }

    @Test
    void aPlaybookWithASecretParameterNeverWritesItsPlans() throws IOException {
        String withSecret = SCRIPT.replace("param 'key', String", "param 'key', String, secret: true");

        load(withSecret).plan("up", Map.of("key", "s3cret-value"));

        try (Stream<Path> files = Files.list(cache.resolve("plans"))) {
            List<Path> entries = files.toList();
            assertThat(entries).noneMatch(file -> file.getFileName().toString().startsWith("plan-"));
            for (Path file : entries) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("s3cret-value");
            }
        }
    }

    private Playbook load(String script) {
        return new PlaybookDsl(SandboxLimits.defaults(), Optional.of(cache)).load("playbook.groovy", script);
    }
}
