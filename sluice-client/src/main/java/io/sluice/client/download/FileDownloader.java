package io.sluice.client.download;

import io.sluice.client.Asset;
import io.sluice.client.SluiceApi;
import io.sluice.client.VerificationFailedException;
import io.sluice.client.upload.FileHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * Downloads an asset into a file, resumably and verified: the bytes go to {@code <file>.part}; a
 * download cut off keeps them, and the next one asks only for the rest ({@code Range}, with
 * {@code If-Range} on the asset's ETag — its SHA-256 — so a changed asset is fetched whole instead).
 * The file appears, by a rename, only once every byte hashes to the asset's SHA-256.
 */
public final class FileDownloader {

    /** The file written, the asset, the bytes this call fetched, and whether it went on from an earlier attempt. */
    public record Result(Path file, Asset asset, long bytesFetched, boolean resumed) {}

    private final SluiceApi api;

    public FileDownloader(SluiceApi api) {
        this.api = api;
    }

    /** Where the bytes of a download into {@code file} wait until they are verified. */
    public static Path partOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    public Result download(String assetId, Path file, boolean overwrite, DownloadListener listener)
            throws IOException, InterruptedException {
        if (!overwrite && Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
        Asset asset = api.asset(assetId);
        String etag = "\"" + asset.sha256() + "\"";
        Path part = partOf(file);
        long kept = Files.exists(part) ? Files.size(part) : 0;
        if (kept > asset.size()) kept = 0;
        MessageDigest digest = FileHash.newDigest();
        if (kept > 0) {
            try (InputStream in = Files.newInputStream(part)) {
                FileHash.update(digest, in);
            }
        }
        listener.started(assetId, asset.size(), kept);
        long fetched = 0;
        if (kept < asset.size()) {
            Map<String, String> headers = kept > 0 ? Map.of("Range", "bytes=" + kept + "-", "If-Range", etag) : Map.of();
            HttpResponse<InputStream> response = api.content(assetId, headers);
            try (InputStream body = response.body()) {
                if (response.statusCode() == 200 && kept > 0) { // the asset is not what the part was kept from
                    kept = 0;
                    digest.reset();
                } else if (response.statusCode() != 200 && response.statusCode() != 206) {
                    throw new IOException("the asset's content answered " + response.statusCode() + ": "
                            + new String(body.readNBytes(4096), StandardCharsets.UTF_8));
                }
                String servedTag = response.headers().firstValue("ETag").orElse(null);
                if (!etag.equals(servedTag)) {
                    throw new VerificationFailedException("the content's ETag " + servedTag + " is not the asset's " + etag);
                }
                fetched = copy(body, part, kept > 0, digest, listener);
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (!sha256.equals(asset.sha256()) || Files.size(part) != asset.size()) {
            Files.deleteIfExists(part);
            throw new VerificationFailedException("the bytes received hash to " + sha256 + ", not to the asset's "
                    + asset.sha256() + "; they were discarded");
        }
        if (overwrite) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Result(file, asset, fetched, kept > 0);
    }

    private static long copy(InputStream body, Path part, boolean append, MessageDigest digest, DownloadListener listener)
            throws IOException {
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int read; (read = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                digest.update(buffer, 0, read);
                copied += read;
                listener.received(read);
            }
        }
        return copied;
    }
}
