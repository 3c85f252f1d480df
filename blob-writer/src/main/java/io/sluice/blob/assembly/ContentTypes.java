package io.sluice.blob.assembly;

import okhttp3.MediaType;

/** The Content-Type an asset object is stored with. */
public final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private ContentTypes() {}

    /**
     * The upload's declared type when it is a valid media type; the SDK refuses to send anything else,
     * and a direct producer may declare anything. The index keeps the declared type either way.
     */
    public static String forObject(String declared) {
        return declared != null && MediaType.parse(declared) != null ? declared : OCTET_STREAM;
    }
}
