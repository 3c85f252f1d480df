package io.sluice.ingest.tus.concatenation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.ingest.tus.creation.TusMetadata;
import io.sluice.schemas.keys.UploadIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * tus concatenation: "{@code Upload-Concat: partial}" marks an upload as a part; "{@code Upload-Concat:
 * final;<url> <url>…}" asks for an upload that is the parts, in that order — "the URLs MUST be
 * separated by a space" and may be absolute or relative. What an upload was made as is kept in its
 * metadata (Sluice's own {@code tus-} keys), so a HEAD can say it.
 */
public sealed interface UploadConcat {

    /** Most parts one final upload may name (tus-js-client's {@code parallelUploads} is a handful). */
    int MAX_PARTS = 16;

    String KIND_KEY = TusMetadata.RESERVED_PREFIX + "concat";
    String PARTS_KEY = TusMetadata.RESERVED_PREFIX + "parts";

    /** A whole upload. */
    record None() implements UploadConcat {}

    /** A part of a final upload still to come. */
    record Partial() implements UploadConcat {}

    /** The parts, by upload id, in order. */
    record Final(List<String> partIds) implements UploadConcat {
        public Final {
            partIds = List.copyOf(partIds);
        }
    }

    static UploadConcat parse(String header) {
        if (header == null) return new None();
        String value = header.trim();
        if (value.equals("partial")) return new Partial();
        if (!value.startsWith("final;")) throw invalid("Upload-Concat is 'partial' or 'final;<url> <url>…'");
        String[] urls = value.substring("final;".length()).trim().split(" +", MAX_PARTS + 1);
        if (urls.length > MAX_PARTS) throw invalid("a final upload names at most " + MAX_PARTS + " parts");
        List<String> ids = new ArrayList<>();
        for (String url : urls) ids.add(uploadIdOf(url));
        return new Final(ids);
    }

    /** The metadata entries that record what an upload was made as. */
    static Map<String, String> metadataOf(UploadConcat concat) {
        return switch (concat) {
            case None none -> Map.of();
            case Partial partial -> Map.of(KIND_KEY, "partial");
            case Final whole -> Map.of(KIND_KEY, "final", PARTS_KEY, String.join(" ", whole.partIds()));
        };
    }

    /** The {@code Upload-Concat} a HEAD answers for an upload with this metadata, if it is a part or a final upload. */
    static Optional<String> headerOf(Map<String, String> metadata) {
        String kind = metadata.get(KIND_KEY);
        if ("partial".equals(kind)) return Optional.of("partial");
        if (!"final".equals(kind)) return Optional.empty();
        return Optional.of("final;" + Arrays.stream(metadata.getOrDefault(PARTS_KEY, "").split(" "))
                .map(TusProtocol::location).collect(Collectors.joining(" ")));
    }

    /** Whether the upload was made as a part. */
    static boolean isPartial(Map<String, String> metadata) {
        return "partial".equals(metadata.get(KIND_KEY));
    }

    private static String uploadIdOf(String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            throw invalid("Upload-Concat names something that is not a URL: " + url);
        }
        String id = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!UploadIds.isUploadId(id)) { // the last segment only: a proxy may serve the endpoint under another path
            throw invalid("Upload-Concat names something that is not a tus upload of this service: " + url);
        }
        return id;
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemCode.INVALID_REQUEST, detail).with("field", TusProtocol.UPLOAD_CONCAT);
    }
}
