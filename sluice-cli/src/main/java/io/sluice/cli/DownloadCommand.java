package io.sluice.cli;

import io.sluice.client.Asset;
import io.sluice.client.SluiceApi;
import io.sluice.client.download.FileDownloader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice download ASSET [FILE]}: the asset's bytes into FILE (by default its file name, here),
 * resumed from {@code FILE.part} if an earlier download was cut off, and the file written only once
 * every byte hashes to the asset's SHA-256. Prints the file on standard output.
 */
@Command(name = "download", description = "Download an asset; an interrupted download resumes when run again.")
final class DownloadCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "ASSET", description = "The asset's id (as_…).")
    String assetId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Where to write it; by default its name, here.")
    Path file;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        SluiceApi api = server.api();
        Path target = file;
        if (target == null) {
            Asset asset = api.asset(assetId);
            // the server keeps names safe (no separators, no ..); only the last segment is taken all the same
            target = Path.of(Path.of(asset.fileName()).getFileName().toString());
        }
        Progress progress = output.progress("download " + target.getFileName());
        Transfers.current(progress);
        FileDownloader.Result result = new FileDownloader(api).download(assetId, target, force, progress);
        progress.end();
        Transfers.current(null);
        output.out().println(result.file());
        return ExitCode.OK.code();
    }
}
