/**
 * Setting records aside on the dead-letter topic: the {@code DeadLetter} envelope every component
 * writes ({@link io.sluice.schemas.deadletters.DeadLetters}) and the Streams apps' deserialization
 * handler ({@link io.sluice.schemas.deadletters.DeadLetterDeserializationHandler}), which needs
 * kafka-streams on the classpath (an optional dependency of this module).
 */
package io.sluice.schemas.deadletters;
