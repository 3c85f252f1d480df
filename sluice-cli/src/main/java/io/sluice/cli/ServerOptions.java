package io.sluice.cli;

import io.sluice.client.SluiceApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which server, and whose token: every command's options. */
final class ServerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:SLUICE_URL:-${sys:sluice.stack.url:-http://127.0.0.1:8080}}",
            description = "The API's base URL (SLUICE_URL; default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SLUICE_TOKEN}",
            description = "The tenant's bearer token (SLUICE_TOKEN). Without it, the file --token-file names.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE",
            defaultValue = "${env:SLUICE_TOKEN_FILE:-${sys:sluice.dev.token.file}}",
            description = "A file holding the token (SLUICE_TOKEN_FILE; ./sluice passes the local stack's .sluice/dev-token).")
    Path tokenFile;

    SluiceApi api() {
        return SluiceApi.connect(url, token());
    }

    private String token() {
        if (token != null && !token.isBlank()) return token.trim();
        if (tokenFile != null && Files.isReadable(tokenFile)) {
            try {
                return Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the token file " + tokenFile + ": " + e.getMessage());
            }
        }
        throw new ParameterException(spec.commandLine(), "no token: set SLUICE_TOKEN, or pass --token or --token-file");
    }
}
