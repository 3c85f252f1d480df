package io.sluice.schemas.registry;

/**
 * A schema registry call failed. Either the registry answered with an error ({@link #httpStatus()}
 * and the registry's own {@link #errorCode()}, e.g. 40401 subject not found, 40403 schema not
 * found, 409 incompatible schema), or there was no answer at all ({@link #httpStatus()} is 0).
 */
public final class SchemaRegistryException extends RuntimeException {
    /** Confluent error code: subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent error code: version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent error code: schema not found (by id, or under a subject on lookup). */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** The HTTP status of the answer, or 0 when the registry could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, or 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry answered 404: the subject, version or schema does not exist. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /** No answer, or a 5xx: trying again later may succeed. */
    public boolean isTransient() {
        return httpStatus == 0 || httpStatus >= 500;
    }
}
