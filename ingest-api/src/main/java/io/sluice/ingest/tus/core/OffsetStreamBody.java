package io.sluice.ingest.tus.core;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.tus.TusProtocol;
import java.util.Locale;

/**
 * tus core: "All PATCH requests MUST use {@code Content-Type: application/offset+octet-stream}, otherwise
 * the server SHOULD return a 415"; a creation carries a body only with that type (creation-with-upload).
 * A body that runs past the upload's end is refused on its {@code Content-Length}, before it is read.
 */
public final class OffsetStreamBody {

    private OffsetStreamBody() {}

    /** Whether the request says its body is upload bytes. */
    public static boolean isPresent(ApiRequest request) {
        return request.header("Content-Type")
                .map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(TusProtocol.OFFSET_OCTET_STREAM::equals)
                .isPresent();
    }

    /** @throws ApiException 415 unless the body is upload bytes */
    public static void require(ApiRequest request) {
        if (!isPresent(request)) {
            throw new ApiException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be sent as Content-Type: " + TusProtocol.OFFSET_OCTET_STREAM);
        }
    }

    /** @throws ApiException 400 when {@code Content-Length} says the body runs past {@code room} bytes */
    public static void checkRoom(ApiRequest request, long room) {
        request.header("Content-Length").ifPresent(declared -> {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new ApiException(ProblemCode.INVALID_REQUEST, "Content-Length is not a number");
            }
            if (length > room) {
                throw new ApiException(ProblemCode.INVALID_REQUEST, "the body (" + length + " bytes) runs past "
                        + "Upload-Length: " + room + " bytes are left from Upload-Offset");
            }
        });
    }
}
