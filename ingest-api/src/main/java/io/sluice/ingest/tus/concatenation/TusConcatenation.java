package io.sluice.ingest.tus.concatenation;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.assets.AssetLookup;
import io.sluice.ingest.assets.AssetObjects;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.ingest.tus.core.TusUploads;
import io.sluice.ingest.tus.core.UploadHeaders;
import io.sluice.ingest.tus.creation.TusOpening;
import io.sluice.schemas.keys.UploadIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * tus concatenation, {@code POST /v1/tus/} with {@code Upload-Concat: final;<url> <url>…}: "the Server
 * MUST concatenate the partial uploads in the order specified" into a new upload. Each part is an
 * upload of this tenant made with {@code Upload-Concat: partial} and finished — its bytes verified and
 * stored as an asset. The final upload is a Sluice upload like any other: its bytes are read back from
 * the parts' objects, in order, and cut into its own chunks (the parts' lengths are wherever the client
 * split the file, not on any chunk grid), then it is finished, its hash computed over all of it and
 * checked against a declared {@code sha256}. Once it is verified the parts' assets are deleted. The
 * answer, {@code 201} with its {@code Location}, comes when it is finished: what a part upload costs
 * is a second pass of its bytes through the pipeline.
 */
public final class TusConcatenation {

    private final TusUploads uploads;
    private final AssetLookup assets;
    private final AssetObjects objects;

    public TusConcatenation(TusUploads uploads, AssetLookup assets, AssetObjects objects) {
        this.uploads = uploads;
        this.assets = assets;
        this.objects = objects;
    }

    public void handle(ApiRequest request, UploadConcat.Final whole, Map<String, String> metadata) throws Exception {
        String tenant = request.tenant();
        List<AssetIndexEntry> parts = new ArrayList<>();
        long size = 0;
        for (String partId : whole.partIds()) {
            AssetIndexEntry part = finishedPart(tenant, partId);
            parts.add(part);
            size = Math.addExact(size, part.getSize());
        }
        var body = TusOpening.body(tenant, size, uploads.chunkSizeFor(size), metadata, whole, uploads.settings().limits());
        TusUploads.Opened opened = uploads.open(tenant, body);
        long offset;
        try (InputStream joined = new SequenceInputStream(opening(parts))) {
            offset = uploads.write(tenant, opened.uploadId(), opened.shape(), 0, joined, Optional.empty(), false);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (offset != size) {
            throw new IllegalStateException("the parts' objects held " + offset + " of the " + size + " bytes indexed");
        }
        String assetId = uploads.finish(tenant, opened.uploadId(), size);
        for (AssetIndexEntry part : parts) uploads.deleteAsset(tenant, part.getUploadId(), part.getAssetId());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", TusProtocol.location(opened.uploadId()));
        headers.putAll(UploadHeaders.asset(assetId));
        Responses.empty(request.exchange(), 201, headers);
    }

    /** The asset of a part: an upload of the caller's, made as a part and finished (or verified and storing). */
    private AssetIndexEntry finishedPart(String tenant, String partId) throws InterruptedException {
        UploadStatus status = uploads.lookup().require(tenant, partId);
        if (!UploadConcat.isPartial(status.getMetadata())) {
            throw invalid(partId + " was not made with Upload-Concat: partial");
        }
        if (status.getState() != UploadState.FINISHED && status.getState() != UploadState.FINISHING) {
            throw invalid("the partial upload " + partId + " is not complete (" + status.getState() + ")");
        }
        return assets.awaitIndexed(tenant, UploadIds.assetIdFor(partId), uploads.settings().finishWait())
                .filter(entry -> entry.getDeletedAt() == null)
                .orElseThrow(() -> new ApiException(ProblemCode.SERVICE_UNAVAILABLE,
                        "the partial upload " + partId + " is still being stored; try again").header("Retry-After", "1"));
    }

    /** The parts' objects, each opened only when the one before is read to its end. */
    private Enumeration<InputStream> opening(List<AssetIndexEntry> parts) {
        Iterator<AssetIndexEntry> next = parts.iterator();
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return objects.open(next.next().getObjectKey());
                } catch (Exception e) {
                    throw new UncheckedIOException(new IOException("cannot read a part's object", e));
                }
            }
        };
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemCode.INVALID_REQUEST, detail).with("field", TusProtocol.UPLOAD_CONCAT);
    }
}
