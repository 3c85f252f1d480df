package io.sluice.cli;

import io.sluice.client.SluiceApi;
import io.sluice.client.UploadStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice status UPLOAD}: where an upload stands — its state, its chunks, what is missing, its asset. */
@Command(name = "status", description = "Show where an upload stands.")
final class StatusCommand implements Callable<Integer> {

    /** Runs of missing chunks shown; the count says how many there are. */
    static final int RANGES_SHOWN = 10;

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "UPLOAD", description = "The upload's id (up_…).")
    String uploadId;

    @Override
    public Integer call() throws Exception {
        SluiceApi api = server.api();
        UploadStatus status = api.status(uploadId);
        PrintWriter out = output.out();
        out.println("upload    " + status.uploadId());
        out.println("state     " + status.state());
        out.println("file      " + status.fileName() + " (" + status.size() + " bytes, " + Bytes.of(status.size()) + ")");
        out.println("chunks    " + status.receivedCount() + " received, " + status.storedCount() + " stored, of "
                + status.chunkCount() + " (" + Bytes.of(status.chunkSize()) + " each)");
        out.println("hashed    " + status.bytesHashed() + " bytes");
        if (status.missingCount() > 0) {
            List<String> runs = new ArrayList<>();
            for (int[] range : status.missingRanges().subList(0, Math.min(RANGES_SHOWN, status.missingRanges().size()))) {
                runs.add(range[0] == range[1] ? Integer.toString(range[0]) : range[0] + "-" + range[1]);
            }
            String more = status.missingRanges().size() > RANGES_SHOWN || status.missingNext() >= 0 ? ", …" : "";
            out.println("missing   " + status.missingCount() + " chunks: " + String.join(", ", runs) + more);
        }
        if (status.json().hasNonNull("error")) out.println("error     " + status.json().get("error").path("code").asText());
        if (status.sha256() != null) out.println("sha256    " + status.sha256());
        if (status.assetId() != null) out.println("asset     " + status.assetId());
        if (status.isOpen()) out.println("expires   " + status.json().path("expiresAt").asText());
        out.flush();
        return ExitCode.OK.code();
    }
}
