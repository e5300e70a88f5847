package io.infrakit.manager.process;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * How to run one plugin as a process: either a built-in {@code kind} (run as {@code infrakit plugin run KIND:NAME})
 * or a {@code command} with its {@code args}; {@code env} added to the manager's environment, {@code dir} the working
 * directory (relative to the home; default the home).
 */
public record ProcessEntry(@JsonProperty("kind") String kind,
                           @JsonProperty("command") String command,
                           @JsonProperty("args") List<String> args,
                           @JsonProperty("env") Map<String, String> env,
                           @JsonProperty("dir") String dir) {

    public ProcessEntry {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public boolean isBuiltIn() {
        return kind != null;
    }
}
