package io.sluice.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro instantiate Sluice's generated classes when it decodes. Since 1.11.4 Avro refuses to
 * load a class named by a schema unless it is trusted (a defence against schemas that name
 * arbitrary classes), and only java.lang-style classes are trusted by default. Without this,
 * every decode of an {@code io.sluice.events} record fails with a SecurityException.
 *
 * <p>The serdes call {@link #trustEventClasses()} themselves; code that decodes events some other
 * way (e.g. {@code UploadRequest.getDecoder()}) calls it once at start-up, or sets the system
 * property {@code org.apache.avro.SERIALIZABLE_PACKAGES=io.sluice.events}.
 */
public final class EventClassTrust {
    /** The package the avro-maven-plugin generates Sluice's events into (the Avro namespace). */
    public static final String EVENTS_PACKAGE = "io.sluice.events";

    private static boolean trusted;

    private EventClassTrust() {}

    /** Adds the events package to Avro's global trust, keeping whatever was trusted before. Idempotent. */
    public static synchronized void trustEventClasses() {
        if (trusted) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                before, type -> EVENTS_PACKAGE.equals(type.getPackageName())));
        trusted = true;
    }
}
