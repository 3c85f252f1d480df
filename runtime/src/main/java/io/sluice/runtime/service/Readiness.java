package io.sluice.runtime.service;

/** The answer of a readiness probe: ready or not, and why not. */
public record Readiness(boolean isReady, String detail) {

    public static Readiness ready() {
        return new Readiness(true, "ready");
    }

    public static Readiness notReady(String why) {
        return new Readiness(false, why);
    }
}
