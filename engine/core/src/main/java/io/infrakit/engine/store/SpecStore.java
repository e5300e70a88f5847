package io.infrakit.engine.store;

import java.util.List;

/** Keeps what the user committed, and nothing else: never a copy of the instances. */
public interface SpecStore {

    /** The stored specs in visit order; empty when nothing was ever saved. */
    List<StoredSpec> load();

    void save(List<StoredSpec> specs);
}
