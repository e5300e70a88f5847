package io.infrakit.templates;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import java.lang.management.ManagementFactory;

/**
 * Stops a render that holds more memory than its budget, and one whose deadline has passed, before the next element
 * (directive, interpolation or block of text) of any of its templates runs. Freemarker's own interruption checks
 * stop loops only; this also stops a template that grows a string statement by statement
 * ({@code <#assign s = s + s>} forty times), in a function or a macro, or keeps ever more strings in a list.
 * <p>
 * What a render holds is measured, not what it allocates, so that a loop that only makes garbage runs into the time
 * limit and is reported as such. Each time the render's thread has allocated another quarter of the budget, the heap
 * in use is compared with what it was when the render started; only when it has grown by more than the budget is it
 * measured again after a collection, and the render is over its budget when it still has. A render that allocates
 * less than a quarter of the budget (nearly all do) is never measured.
 */
final class MemoryBudget implements TemplateProcessingTracer {

    /** Thrown before an element once the render is over its budget, or its deadline interrupted it. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationBean();

    private final long budgetBytes;
    private final long measureEvery;
    private long nextMeasurement;
    private long baseline;
    private boolean collected;
    private boolean exceeded;

    private MemoryBudget(long budgetBytes) {
        this.budgetBytes = budgetBytes;
        this.measureEvery = Math.max(1, budgetBytes / 4);
        this.nextMeasurement = allocatedByThisThread() + measureEvery;
        this.baseline = heapInUse();
    }

    /** Starts counting for a render on the current thread. */
    static MemoryBudget start(long budgetBytes) {
        return new MemoryBudget(budgetBytes);
    }

    boolean exceeded() {
        return exceeded;
    }

    String reason() {
        return "rendering held more than " + Limits.describe(budgetBytes) + " of memory; stopped";
    }

    @Override
    public void enterElement(Environment environment, TracedElement element) {
        check();
    }

    @Override
    public void exitElement(Environment environment, TracedElement element) {
        check();
    }

    private void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Exceeded("stopped");
        }
        if (ALLOCATIONS == null || allocatedByThisThread() < nextMeasurement) {
            return;
        }
        if (heapInUse() - baseline > budgetBytes) {
            System.gc();
            long held = heapInUse();
            if (!collected) {
                // What was in use at the start included garbage; after the first collection, the start is known better.
                baseline = Math.min(baseline, held);
                collected = true;
            }
            if (held - baseline > budgetBytes) {
                exceeded = true;
                throw new Exceeded(reason());
            }
        }
        nextMeasurement = allocatedByThisThread() + measureEvery;
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long allocatedByThisThread() {
        return ALLOCATIONS == null ? 0 : ALLOCATIONS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean;
        }
        return null;
    }
}
