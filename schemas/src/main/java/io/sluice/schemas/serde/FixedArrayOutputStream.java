package io.sluice.schemas.serde;

import java.io.OutputStream;

/** Writes into a pre-sized array from a start offset; refuses to write past its end. */
final class FixedArrayOutputStream extends OutputStream {
    private final byte[] target;
    private int position;

    FixedArrayOutputStream(byte[] target, int start) {
        this.target = target;
        this.position = start;
    }

    @Override
    public void write(int b) {
        if (position >= target.length) {
            throw new IllegalStateException("encoding is longer than measured");
        }
        target[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > target.length - position) {
            throw new IllegalStateException("encoding is longer than measured");
        }
        System.arraycopy(b, off, target, position, len);
        position += len;
    }

    int position() {
        return position;
    }
}
