package io.infrakit.dsl.internal;

import com.sun.management.GcInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much more the JVM's heap holds than before a run started, counting only what a collection does not free. A
 * loop that boxes a counter allocates as fast as one that fills a list, but only the list is kept: allocation alone
 * cannot tell a runaway loop from a memory bomb. Reading the heap's use is cheap; a full collection is asked for only
 * once that use has grown past the limit, to tell garbage from what the script keeps.
 */
final class HeapGrowth {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    /** The least the heap held since the run started (or after the collection before it): the JVM without the run. */
    private long floor;

    HeapGrowth() {
        floor = Math.min(used(), usedAfterLastCollection());
    }

    /** Notes the heap's use now; called often, so that the floor follows the collections the JVM makes itself. */
    void sample() {
        floor = Math.min(floor, used());
    }

    /** Whether the heap holds more than {@code limitBytes} beyond its floor, even after a full collection. */
    boolean exceeds(long limitBytes) {
        sample();
        if (used() - floor <= limitBytes) {
            return false;
        }
        System.gc();
        return used() - floor > limitBytes;
    }

    private static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** What the heap held right after the JVM's latest collection, or Long.MAX_VALUE if there was none. */
    private static long usedAfterLastCollection() {
        GcInfo latest = null;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof com.sun.management.GarbageCollectorMXBean bean) {
                GcInfo info = bean.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return Long.MAX_VALUE;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }
}
