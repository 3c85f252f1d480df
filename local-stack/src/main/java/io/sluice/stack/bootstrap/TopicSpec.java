package io.sluice.stack.bootstrap;

import java.util.Map;

/** A topic the stack creates: name, partition count and topic-level configuration. */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    public TopicSpec {
        config = Map.copyOf(config);
    }
}
