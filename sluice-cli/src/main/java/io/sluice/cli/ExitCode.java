package io.sluice.cli;

import io.sluice.client.ConnectionLostException;
import io.sluice.client.SluiceApiException;
import io.sluice.client.VerificationFailedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * What the client's exit status means, for scripts. {@link #TRY_AGAIN} is the one to loop on: the
 * server could not be reached or was busy, and running the same command again resumes.
 */
public enum ExitCode {
    OK(0, "done"),
    FAILED(1, "the server refused the request, or something else went wrong"),
    USAGE(2, "the command line is wrong"),
    VERIFICATION_FAILED(3, "the bytes at the other end are not the file's (SHA-256 differs)"),
    NOT_FOUND(4, "no such file, upload or asset (or another tenant's)"),
    UNAUTHORIZED(5, "no token, or one the server does not know"),
    TRY_AGAIN(75, "no answer, or the server is busy: run the same command again to resume"),
    INTERRUPTED(130, "interrupted (Ctrl-C): run the same command again to resume");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit status for what a command threw. */
    public static ExitCode of(Throwable failure) {
        return switch (failure) {
            case CommandLine.ParameterException e -> USAGE;
            case VerificationFailedException e -> VERIFICATION_FAILED;
            case ConnectionLostException e -> TRY_AGAIN;
            case NoSuchFileException e -> NOT_FOUND;
            case FileAlreadyExistsException e -> FAILED;
            case InterruptedException e -> INTERRUPTED;
            case SluiceApiException e when e.status() == 401 -> UNAUTHORIZED;
            case SluiceApiException e when e.status() == 404 -> NOT_FOUND;
            case SluiceApiException e when e.status() == 503 || e.status() == 429 -> TRY_AGAIN;
            default -> FAILED;
        };
    }
}
