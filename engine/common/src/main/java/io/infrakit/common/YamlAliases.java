package io.infrakit.common;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Finds the YAML that Jackson would read as something else than what was written: an alias ({@code *name}) reads as
 * the string "name", and a merge key ({@code <<: *base}) as a key named "<<". Every YAML reader of InfraKit refuses
 * them, so what is stored is what the user wrote, and no alias can be expanded (the "billion laughs"). A document
 * without them reads as it always did; anchors alone ({@code &name}) change nothing and are allowed.
 */
public final class YamlAliases {

    private static final String MERGE_KEY = "<<";

    /** What was found, and where: 1-based line and column. */
    public record Found(int line, int column, String problem) {

        /** {@code name:line:column: problem}. */
        public String at(String name) {
            return name + ":" + line + ":" + column + ": " + problem;
        }
    }

    private YamlAliases() {
    }

    /**
     * The first alias or merge key in {@code text}, if any. Text that is not valid YAML finds nothing here: the
     * reader that parses it next reports the syntax error as it always did.
     */
    public static Optional<Found> find(String text) {
        Deque<int[]> mappingEntries = new ArrayDeque<>();
        try {
            for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                if (event instanceof AliasEvent alias) {
                    return found(alias.getStartMark(), "YAML aliases (*" + alias.getAnchor()
                            + ") are not supported; write the value out");
                }
                if (event instanceof ScalarEvent scalar && atKey(mappingEntries) && isMergeKey(scalar)) {
                    return found(scalar.getStartMark(), "YAML merge keys (<<) are not supported; write the keys out");
                }
                if (event instanceof MappingStartEvent) {
                    mappingEntries.push(new int[] {0});
                } else if (event instanceof SequenceStartEvent) {
                    mappingEntries.push(new int[] {-1});
                } else if (event instanceof CollectionEndEvent) {
                    mappingEntries.pop();
                    nodeDone(mappingEntries);
                } else if (event instanceof ScalarEvent) {
                    nodeDone(mappingEntries);
                }
            }
        } catch (YAMLException invalid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether the next node is a key: inside a mapping, after an even number of nodes. */
    private static boolean atKey(Deque<int[]> mappingEntries) {
        int[] top = mappingEntries.peek();
        return top != null && top[0] >= 0 && top[0] % 2 == 0;
    }

    private static void nodeDone(Deque<int[]> mappingEntries) {
        int[] top = mappingEntries.peek();
        if (top != null && top[0] >= 0) {
            top[0]++;
        }
    }

    /** Only a plain, untagged {@code <<} merges; {@code "<<"} is an ordinary key. */
    private static boolean isMergeKey(ScalarEvent scalar) {
        return MERGE_KEY.equals(scalar.getValue()) && scalar.isPlain() && scalar.getTag() == null;
    }

    private static Optional<Found> found(Mark mark, String problem) {
        return Optional.of(new Found(mark.getLine() + 1, mark.getColumn() + 1, problem));
    }
}
