package io.sluice.schemas.serde;

/** What a serializer does when its schema is not yet under the topic's subject. */
public enum SchemaRegistration {
    /** Register it (subject to the subject's compatibility level). Fine for services and tests. */
    AUTO_REGISTER,
    /** Only look it up, and fail if it is missing: for deployments that register schemas up front. */
    LOOKUP_ONLY
}
