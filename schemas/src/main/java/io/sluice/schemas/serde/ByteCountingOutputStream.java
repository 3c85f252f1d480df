package io.sluice.schemas.serde;

import java.io.OutputStream;

/** Counts what is written and keeps nothing: measures an encoding without copying its bytes. */
final class ByteCountingOutputStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    long count() {
        return count;
    }
}
