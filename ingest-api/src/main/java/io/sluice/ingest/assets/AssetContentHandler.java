package io.sluice.ingest.assets;

import com.sun.net.httpserver.Headers;
import io.sluice.events.AssetIndexEntry;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.HttpDate;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.RouteHandler;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code GET /v1/assets/{assetId}/content}: the asset's exact bytes, streamed from the bucket, with
 * one {@code Range} served as 206. The object is opened before the status line is sent, so a
 * failure to reach it is still a clean error; once bytes flow, a failure cuts the response short
 * (the client sees fewer bytes than {@code Content-Length}). The ETag is the SHA-256 of the bytes:
 * the same for the asset wherever and whenever it is read; {@code If-None-Match} and {@code If-Range}
 * are honoured ({@link ConditionalRequest}).
 *
 * <p>The bytes are a tenant's upload, so they are served as a download, never as a page of the
 * API's origin: {@code Content-Disposition: attachment} with the file name ({@link ContentDisposition}),
 * {@code X-Content-Type-Options: nosniff} and {@code Content-Security-Policy: sandbox}, whatever
 * content type the upload declared.
 */
public final class AssetContentHandler implements RouteHandler {

    private final AssetLookup assets;
    private final AssetObjects objects;

    public AssetContentHandler(AssetLookup assets, AssetObjects objects) {
        this.assets = assets;
        this.objects = objects;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        AssetIndexEntry entry = assets.require(request.tenant(), request.pathVariable("assetId"));
        long size = entry.getSize();
        String etag = "\"" + entry.getSha256() + "\"";
        String lastModified = HttpDate.of(entry.getCreatedAt());
        Headers headers = request.exchange().getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Last-Modified", lastModified);
        headers.set("Cache-Control", "private");
        // User content never runs on the API's origin: saved, not rendered, and never sniffed into HTML.
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox");
        headers.set("Content-Disposition", ContentDisposition.attachment(entry.getFileName()));
        if (ConditionalRequest.notModified(request.header("If-None-Match"), etag)) {
            request.exchange().sendResponseHeaders(304, -1);
            return;
        }
        RangeSelection range = ConditionalRequest.rangeApplies(request.header("If-Range"), etag, lastModified)
                ? RangeSelection.of(request.header("Range").orElse(null), size)
                : new RangeSelection.Whole();
        if (range instanceof RangeSelection.Unsatisfiable) {
            throw new ApiException(ProblemCode.RANGE_NOT_SATISFIABLE, "the asset has " + size + " bytes")
                    .header("Content-Range", "bytes */" + size);
        }
        headers.set("Content-Type", entry.getContentType());
        headers.set("Accept-Ranges", "bytes");
        if (range instanceof RangeSelection.Part part) {
            try (InputStream in = objects.open(entry.getObjectKey(), part.first(), part.length())) {
                headers.set("Content-Range", part.contentRange(size));
                send(request, in, 206, part.length());
            }
        } else {
            try (InputStream in = objects.open(entry.getObjectKey())) {
                send(request, in, 200, size);
            }
        }
    }

    private static void send(ApiRequest request, InputStream in, int status, long length) throws Exception {
        request.exchange().sendResponseHeaders(status, length == 0 ? -1 : length);
        try (OutputStream out = request.exchange().getResponseBody()) {
            in.transferTo(out);
        }
    }
}
