package io.sluice.session.domain;

/** Why an upload FAILED: the reason, what was expected and what was found. */
public record Failure(FailureReason reason, String expected, String actual) {}
