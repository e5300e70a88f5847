package io.infrakit.dsl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybookDslWarmTest {

    private static final String EXAMPLE = """
            description 'A cluster of VMs booted from an image with your SSH key'
            param 'size', Integer, default: 3, description: 'how many VMs', validate: { it >= 1 && it <= 50 }
            param 'publicKey', String, prompt: 'SSH public key to bake into the image', secret: false
            param 'zone', String, default: 'a', choices: ['a', 'b']
            command('up', description: 'build the image and start the cluster') {
                def img = image 'images/sshd.yml', vars: [key: publicKey]
                group 'workers', template('groups/workers.json.ftl', size: size, kernel: img.kernel, initrd: img.initrd)
                echo "workers: ${size} VMs"
            }
            command('scale') { scale 'workers', size }
            command('down') { destroy 'workers' }
            """;

    private final PlaybookDsl dsl = new PlaybookDsl(SandboxLimits.defaults());

    @Test
    void loadsAndPlansTheExampleAgainAndAgainWithOneInstance() {
        for (int i = 1; i <= 100; i++) {
            Playbook playbook = dsl.load("playbook.groovy", EXAMPLE);
            Plan plan = playbook.plan("up", Map.of("publicKey", "key-" + i, "size", i % 50 + 1));

            assertThat(plan.actions()).hasSize(3);
            assertThat(plan.actions().get(0)).isEqualTo(
                    new BuildImage("images/sshd.yml", Map.of("key", "key-" + i), 6));
            assertThat(plan.actions().get(2)).isEqualTo(new Echo("workers: " + (i % 50 + 1) + " VMs", 8));
        }
    }

    @Test
    void plansOneLoadedPlaybookFromManyThreadsAtOnce() throws Exception {
        Playbook playbook = dsl.load("playbook.groovy", EXAMPLE);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Plan>> plans = new ArrayList<>();
            for (int size = 1; size <= 40; size++) {
                int requested = size;
                plans.add(callers.submit(() -> playbook.plan("scale", Map.of("publicKey", "k", "size", requested))));
            }
            for (int size = 1; size <= 40; size++) {
                assertThat(plans.get(size - 1).get().actions()).containsExactly(new ScaleGroup("workers", size, 10));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPlanIsImmutable() {
        Plan plan = dsl.load("playbook.groovy", EXAMPLE).plan("up", Map.of("publicKey", "k"));
        CommitGroup commit = (CommitGroup) plan.actions().get(1);
        TemplateSpec spec = (TemplateSpec) commit.spec();

        assertThat(spec.vars()).isUnmodifiable();
        assertThat(plan.params()).isUnmodifiable();
        assertThat(plan.actions()).isUnmodifiable();
    }
}
