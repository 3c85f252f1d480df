package io.sluice.blob.assembly;

/** ETags in conditional headers. */
final class Quoting {

    private Quoting() {}

    /**
     * The ETag in quotes, as it must be in {@code If-Match} and {@code x-amz-copy-source-if-match}. The
     * SDK hands ETags out unquoted and passes them on as given; S3Proxy then refuses the condition
     * (412), while AWS and MinIO accept either form.
     */
    static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }
}
