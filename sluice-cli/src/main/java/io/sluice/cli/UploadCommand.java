package io.sluice.cli;

import io.sluice.client.SluiceApi;
import io.sluice.client.upload.FileUploader;
import io.sluice.client.upload.ResumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice upload FILE…}: each file on parallel chunk streams, its SHA-256 checked against the
 * asset's; a file whose upload was cut off resumes from what the server has. On success one line per
 * file on standard output: asset id, size, SHA-256 and the file, separated by tabs.
 */
@Command(name = "upload", description = "Upload files; an interrupted upload resumes when run again.")
final class UploadCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to upload.")
    List<Path> files;

    @Option(names = "--streams", defaultValue = "4", description = "Chunks in flight at once (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--chunk-size", defaultValue = "0", paramLabel = "BYTES",
            description = "The chunk size; by default the server's.")
    int chunkSize;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "The files' type; by default guessed from each name.")
    String contentType;

    @Option(names = "--state-file", paramLabel = "FILE",
            defaultValue = "${env:SLUICE_STATE_FILE:-${env:XDG_STATE_HOME:-${sys:user.home}/.local/state}/sluice/uploads.json}",
            description = "Where uploads under way are remembered, to resume (default: ${DEFAULT-VALUE}).")
    Path stateFile;

    @Override
    public Integer call() throws Exception {
        SluiceApi api = server.api();
        FileUploader uploader = new FileUploader(api, new ResumeStore(stateFile));
        for (Path file : files) {
            Progress progress = output.progress("upload " + file.getFileName());
            Transfers.current(progress);
            FileUploader.Result result = uploader.upload(file,
                    new FileUploader.Options(streams, chunkSize, typeOf(file), null), progress);
            progress.end();
            output.out().println(String.join("\t", result.asset().assetId(), Long.toString(result.asset().size()),
                    result.asset().sha256(), file.toString()));
            output.out().flush();
        }
        Transfers.current(null);
        return ExitCode.OK.code();
    }

    private String typeOf(Path file) throws IOException {
        if (contentType != null) return contentType;
        String probed = Files.probeContentType(file);
        return probed != null ? probed : "application/octet-stream";
    }
}
