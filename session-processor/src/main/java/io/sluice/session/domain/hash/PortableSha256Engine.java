package io.sluice.session.domain.hash;

import java.nio.ByteBuffer;

/**
 * SHA-256 (FIPS 180-4) in plain Java, on a {@link Sha256Midstate}. Used where the JDK's own
 * implementation cannot be resumed ({@link JdkSha256Engine#available()}); about a tenth of its
 * speed, since the JDK's compresses with the CPU's SHA instructions.
 */
final class PortableSha256Engine implements Sha256Engine {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private final int[] h;
    private final byte[] block = new byte[Sha256Midstate.BLOCK_BYTES];
    private final int[] w = new int[64];
    private int blockFill;
    private long byteCount;

    PortableSha256Engine(Sha256Midstate from) {
        this.h = from.words();
        this.byteCount = from.byteCount();
        byte[] pending = from.pendingBytes();
        System.arraycopy(pending, 0, block, 0, pending.length);
        this.blockFill = pending.length;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        byteCount += length;
        int end = offset + length;
        while (offset < end) {
            if (blockFill == 0 && end - offset >= block.length) {
                compress(bytes, offset);
                offset += block.length;
                continue;
            }
            int take = Math.min(block.length - blockFill, end - offset);
            System.arraycopy(bytes, offset, block, blockFill, take);
            blockFill += take;
            offset += take;
            if (blockFill == block.length) {
                compress(block, 0);
                blockFill = 0;
            }
        }
    }

    @Override
    public Sha256Midstate midstate() {
        byte[] pending = new byte[blockFill];
        System.arraycopy(block, 0, pending, 0, blockFill);
        return new Sha256Midstate(h, byteCount, pending);
    }

    @Override
    public byte[] peek() {
        PortableSha256Engine copy = new PortableSha256Engine(midstate());
        long bits = byteCount * 8;
        int padding = (int) ((55 - byteCount) & 63) + 1; // 0x80, then zeros up to 56 mod 64
        byte[] tail = new byte[padding + 8];
        tail[0] = (byte) 0x80;
        ByteBuffer.wrap(tail, padding, 8).putLong(bits);
        copy.update(tail, 0, tail.length);
        ByteBuffer digest = ByteBuffer.allocate(32);
        for (int word : copy.h) digest.putInt(word);
        return digest.array();
    }

    private void compress(byte[] in, int offset) {
        for (int t = 0; t < 16; t++) {
            int i = offset + 4 * t;
            w[t] = (in[i] & 0xff) << 24 | (in[i + 1] & 0xff) << 16 | (in[i + 2] & 0xff) << 8 | (in[i + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 64; t++) {
            int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int ch = (e & f) ^ (~e & g);
            int t1 = hh + s1 + ch + K[t] + w[t];
            int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int t2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
