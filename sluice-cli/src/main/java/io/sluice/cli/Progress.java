package io.sluice.cli;

import io.sluice.client.download.DownloadListener;
import io.sluice.client.upload.UploadListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a transfer is, shown on standard error: on a terminal, one line redrawn at most ten times
 * a second — a bar, bytes done of all, the rate and the time left; otherwise (a log, a pipe) a plain
 * line every tenth of the way, so a script's output stays readable.
 */
final class Progress implements UploadListener, DownloadListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean shown;
    private final boolean terminal;
    private final String label;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long startedDone;
    private volatile long startedAt;
    private long lastDrawn;
    private int lastTenth = -1;

    /**
     * @param shown whether the progress itself is shown (not with {@code --no-progress}); messages such as
     *     "resuming" always are
     */
    Progress(PrintWriter err, boolean shown, boolean terminal, String label) {
        this.err = err;
        this.shown = shown;
        this.terminal = shown && terminal;
        this.label = label;
    }

    @Override
    public void started(String uploadId, long size, long alreadyThere, boolean resumed) {
        begin(size, alreadyThere);
        if (resumed) message("resuming " + uploadId + ", " + Bytes.of(alreadyThere) + " already there");
    }

    @Override
    public void started(String assetId, long size, long alreadyThere) {
        begin(size, alreadyThere);
        if (alreadyThere > 0) message("resuming, " + Bytes.of(alreadyThere) + " already here");
    }

    @Override
    public void chunkSent(int bytes) {
        advance(bytes);
    }

    @Override
    public void received(int bytes) {
        advance(bytes);
    }

    @Override
    public void finishing() {
        if (terminal) {
            draw(true);
            err.println();
        }
        message("all sent, verifying");
    }

    /** Ends the line a terminal display left open. */
    void end() {
        if (terminal && total > 0) {
            draw(true);
            err.println();
        }
    }

    long done() {
        return done.get();
    }

    long total() {
        return total;
    }

    private void begin(long size, long alreadyThere) {
        total = size;
        done.set(alreadyThere);
        startedDone = alreadyThere;
        startedAt = System.nanoTime();
    }

    private void advance(int bytes) {
        done.addAndGet(bytes);
        draw(false);
    }

    private void message(String text) {
        err.println(label + ": " + text);
        err.flush();
    }

    private synchronized void draw(boolean force) {
        if (!shown) return;
        long now = System.nanoTime();
        long current = Math.min(done.get(), total);
        if (terminal) {
            if (!force && now - lastDrawn < REDRAW_NANOS) return;
            lastDrawn = now;
            int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * current / total);
            err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                    + status(current, now) + "   ");
            err.flush();
            return;
        }
        int tenth = total == 0 ? 10 : (int) (10 * current / total);
        if (tenth == lastTenth && !force) return;
        lastTenth = tenth;
        err.println(label + ": " + status(current, now));
    }

    private String status(long current, long now) {
        double seconds = Math.max(1e-3, (now - startedAt) / 1e9);
        double rate = (current - startedDone) / seconds;
        String left = rate <= 0 ? "?" : Bytes.duration((long) ((total - current) / rate));
        return String.format(Locale.ROOT, "%3d%% %s of %s, %s/s, %s left", total == 0 ? 100 : 100 * current / total,
                Bytes.of(current), Bytes.of(total), Bytes.of((long) rate), left);
    }
}
