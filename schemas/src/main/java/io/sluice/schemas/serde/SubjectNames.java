package io.sluice.schemas.serde;

/** Confluent's TopicNameStrategy: a topic's key and value schemas live under these subjects. */
public final class SubjectNames {
    private SubjectNames() {}

    public static String of(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
