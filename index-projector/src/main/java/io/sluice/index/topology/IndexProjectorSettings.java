package io.sluice.index.topology;

import io.sluice.runtime.config.SluiceConfig;

/**
 * What the index projector's topology can be told. Nothing yet: the record exists so that main and
 * the tests build the topology the same way when a setting arrives.
 */
public record IndexProjectorSettings() {

    public static IndexProjectorSettings from(SluiceConfig config) {
        return new IndexProjectorSettings();
    }
}
