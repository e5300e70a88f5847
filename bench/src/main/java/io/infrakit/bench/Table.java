package io.infrakit.bench;

import java.util.List;
import java.util.Locale;

/** Prints results as a Markdown table, so they paste straight into a note. */
final class Table {

    private Table() {
    }

    static String render(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | runs | median | min | max | unit | ops/s at median | target |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
        for (Result result : results) {
            Stats stats = result.stats();
            boolean timing = Result.MS.equals(result.unit());
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s | %s |%n",
                    result.name(), stats.runs(), stats.median(), stats.min(), stats.max(), result.unit(),
                    timing && result.operations() > 1 ? Long.toString(result.throughput()) : "-",
                    result.target().isEmpty() ? "-" : result.target()));
        }
        return out.toString();
    }
}
