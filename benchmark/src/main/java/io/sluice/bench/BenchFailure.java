package io.sluice.bench;

/** The benchmark could not measure a figure: a request was refused, an upload did not finish. */
public class BenchFailure extends RuntimeException {

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
