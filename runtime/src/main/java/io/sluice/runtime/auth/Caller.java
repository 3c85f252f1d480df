package io.sluice.runtime.auth;

/** Who sent a request, as its bearer token says. */
public sealed interface Caller {

    /** A tenant's token: its own uploads and assets, nothing else. */
    record Tenant(String name) implements Caller {}

    /** An operator's token: admin routes and every tenant's figures; never uploads or assets. */
    record Operator(String name) implements Caller {}

    /** No token, or one that is not configured. */
    record Anonymous() implements Caller {}
}
