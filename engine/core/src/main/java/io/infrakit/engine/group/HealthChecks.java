package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Asks the flavor about every observed member, in parallel lanes: a check may wait on the network (an HTTP probe up
 * to its timeout, a remote flavor's RPC), and one slow member must not hold up the verdicts on all the others. The
 * members are split into at most {@value #LANES} contiguous lanes; the reconciling thread checks one lane itself.
 */
final class HealthChecks implements AutoCloseable {

    static final int LANES = 16;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(LANES - 1, LANES - 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), DaemonThreads.named("group-health"));

    HealthChecks() {
        pool.allowCoreThreadTimeOut(true);
    }

    /** Each member's health, in the members' order; a check that fails is Unknown, as in InfraKit. */
    Health[] check(FlavorPlugin flavor, Any properties, List<InstanceDescription> members) {
        Health[] verdicts = new Health[members.size()];
        int lanes = Math.min(LANES, members.size());
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int lane = 1; lane < lanes; lane++) {
            int from = members.size() * lane / lanes;
            int to = members.size() * (lane + 1) / lanes;
            Runnable work = () -> checkRange(flavor, properties, members, verdicts, from, to);
            try {
                others.add(CompletableFuture.runAsync(work, pool));
            } catch (RejectedExecutionException e) {
                work.run();
            }
        }
        checkRange(flavor, properties, members, verdicts, 0, lanes == 0 ? 0 : members.size() / lanes);
        others.forEach(CompletableFuture::join);
        return verdicts;
    }

    private static void checkRange(FlavorPlugin flavor, Any properties, List<InstanceDescription> members,
                                   Health[] verdicts, int from, int to) {
        for (int i = from; i < to; i++) {
            verdicts[i] = MemberObserver.health(flavor, properties, members.get(i));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
