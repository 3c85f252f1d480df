package io.sluice.session.domain.hash;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * SHA-256 by the JDK's own implementation ({@code sun.security.provider.SHA2.SHA256}), whose
 * compression the JIT replaces with the CPU's SHA instructions: measured here (8 MiB inputs, JDK 25)
 * about 1,500 MB/s, against 90-145 MB/s for {@link PortableSha256Engine} and 80-125 MB/s for
 * Bouncy Castle's digest, which this replaced and which took two thirds of the session
 * processor's CPU in the benchmark's profile. {@code MessageDigest}
 * cannot export or import its state, so this one reads and writes the implementation's fields
 * (chaining words, block buffer, byte count) — which needs
 * {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} on the command line. Without it,
 * or should a JDK rename those fields, {@link #available()} is false and the portable engine is used.
 * A self-test against {@code MessageDigest} runs before this engine is ever used.
 */
final class JdkSha256Engine implements Sha256Engine {

    /** The flag the services and tests run with ({@code io.sluice.runtime.service.ServiceJvmFlags}). */
    static final String REQUIRED_FLAG = "--add-opens java.base/sun.security.provider=ALL-UNNAMED";

    private record Handles(MethodHandle create, MethodHandle update, MethodHandle copy, MethodHandle digest,
            VarHandle words, VarHandle buffer, VarHandle bufferFill, VarHandle byteCount) {}

    private static final Optional<Handles> HANDLES = handles();

    private final Object digest;

    private JdkSha256Engine(Object digest) {
        this.digest = digest;
    }

    static boolean available() {
        return HANDLES.isPresent();
    }

    /** @throws IllegalStateException if not {@link #available()} */
    static JdkSha256Engine resume(Sha256Midstate from) {
        Handles h = HANDLES.orElseThrow(() -> new IllegalStateException("needs " + REQUIRED_FLAG));
        try {
            Object digest = h.create().invoke();
            load(h, digest, from);
            return new JdkSha256Engine(digest);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot resume the JDK's SHA-256", e);
        }
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        try {
            HANDLES.orElseThrow().update().invoke(digest, bytes, offset, length);
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's SHA-256 failed", e);
        }
    }

    @Override
    public Sha256Midstate midstate() {
        return midstateWith(HANDLES.orElseThrow());
    }

    @Override
    public byte[] peek() {
        Handles h = HANDLES.orElseThrow();
        try {
            return (byte[]) h.digest().invoke(h.copy().invoke(digest));
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's SHA-256 failed", e);
        }
    }

    private static void load(Handles h, Object digest, Sha256Midstate from) {
        int[] words = (int[]) h.words().get(digest);
        System.arraycopy(from.words(), 0, words, 0, words.length);
        byte[] pending = from.pendingBytes();
        System.arraycopy(pending, 0, (byte[]) h.buffer().get(digest), 0, pending.length);
        h.bufferFill().set(digest, pending.length);
        h.byteCount().set(digest, from.byteCount());
    }

    private static Optional<Handles> handles() {
        try {
            Class<?> sha256 = Class.forName("sun.security.provider.SHA2$SHA256");
            Class<?> sha2 = sha256.getSuperclass();
            Class<?> base = sha2.getSuperclass();
            MethodHandles.Lookup baseLookup = MethodHandles.privateLookupIn(base, MethodHandles.lookup());
            MethodHandles.Lookup sha2Lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
            MethodHandles.Lookup ownLookup = MethodHandles.privateLookupIn(sha256, MethodHandles.lookup());
            Handles handles = new Handles(
                    ownLookup.findConstructor(sha256, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class)),
                    baseLookup.findVirtual(base, "engineUpdate", MethodType.methodType(void.class, byte[].class, int.class, int.class))
                            .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class, int.class)),
                    baseLookup.findVirtual(base, "clone", MethodType.methodType(Object.class))
                            .asType(MethodType.methodType(Object.class, Object.class)),
                    baseLookup.findVirtual(base, "engineDigest", MethodType.methodType(byte[].class))
                            .asType(MethodType.methodType(byte[].class, Object.class)),
                    sha2Lookup.findVarHandle(sha2, "state", int[].class),
                    baseLookup.findVarHandle(base, "buffer", byte[].class),
                    baseLookup.findVarHandle(base, "bufOfs", int.class),
                    baseLookup.findVarHandle(base, "bytesProcessed", long.class));
            return selfTest(handles) ? Optional.of(handles) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty(); // not opened to us, or the JDK changed: the portable engine serves
        }
    }

    /** Hashes a known input in two pieces, pausing and resuming in between, and compares with {@code MessageDigest}. */
    private static boolean selfTest(Handles h) {
        try {
            byte[] input = new byte[1000];
            for (int i = 0; i < input.length; i++) input[i] = (byte) (i * 31 + 7);
            Object first = h.create().invoke();
            h.update().invoke(first, input, 0, 333);
            Sha256Midstate paused = new JdkSha256Engine(first).midstateWith(h);
            Object second = h.create().invoke();
            load(h, second, paused);
            h.update().invoke(second, input, 333, input.length - 333);
            byte[] actual = (byte[]) h.digest().invoke(second);
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(input);
            return Arrays.equals(actual, expected) && paused.byteCount() == 333;
        } catch (Throwable e) {
            return false;
        }
    }

    private Sha256Midstate midstateWith(Handles h) {
        int[] words = (int[]) h.words().get(digest);
        byte[] buffer = (byte[]) h.buffer().get(digest);
        int fill = (int) h.bufferFill().get(digest);
        return new Sha256Midstate(words, (long) h.byteCount().get(digest), Arrays.copyOf(buffer, fill));
    }
}
