package io.sluice.ingest.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.FinishedUpload;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadStateCounts;
import io.sluice.ingest.http.Json;
import io.sluice.projections.DashboardView;
import io.sluice.schemas.keys.MinuteKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON of the dashboard figures, for one tenant or (scope empty) every tenant: what the
 * {@code /v1/stats/*} routes answer and the event stream sends. Minutes are UTC minutes by the
 * events' own time; "the last N minutes" ends with the current minute.
 */
public final class DashboardFigures {

    /** The most minutes a caller may ask for: the 24 hours the views keep. */
    public static final int MAX_MINUTES = MinuteKeys.MINUTES_PER_DAY;
    public static final int DEFAULT_MINUTES = 60;
    /** The most recent uploads a caller may ask for: what the view keeps per tenant. */
    public static final int MAX_RECENT = 100;
    public static final int DEFAULT_RECENT = 50;

    private final DashboardView view;
    private final Clock clock;

    public DashboardFigures(DashboardView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    /** {@code {totals: {open, finishing, ...}, tenants: [{tenant, open, ...}]}} */
    public ObjectNode uploads(Optional<String> scope) {
        ObjectNode body = Json.object();
        long[] totals = new long[6];
        ArrayNode tenants = body.putArray("tenants");
        for (UploadStateCounts counts : view.uploadStates(scope)) {
            long[] each = {counts.getOpen(), counts.getFinishing(), counts.getFinished(), counts.getFailed(),
                    counts.getAborted(), counts.getExpired()};
            ObjectNode tenant = tenants.addObject().put("tenant", counts.getTenant());
            putStates(tenant, each);
            for (int i = 0; i < each.length; i++) totals[i] += each[i];
        }
        putStates(body.putObject("totals"), totals);
        return body;
    }

    private static void putStates(ObjectNode node, long[] counts) {
        node.put("open", counts[0]).put("finishing", counts[1]).put("finished", counts[2]).put("failed", counts[3])
                .put("aborted", counts[4]).put("expired", counts[5]);
    }

    /**
     * Bytes received and finished and uploads finished: every minute of the period summed over the
     * scope's tenants (zeros included, oldest first), the period's totals, and each tenant's totals.
     */
    public ObjectNode throughput(Optional<String> scope, int minutes) {
        Period period = period(minutes);
        long[][] series = new long[minutes][3];
        Map<String, long[]> byTenant = new TreeMap<>();
        for (TenantMinute minute : view.minutes(scope, period.from())) {
            int slot = period.slot(minute.getMinuteStart());
            if (slot < 0) continue;
            long[] figures = {minute.getBytesReceived(), minute.getBytesFinished(), minute.getUploadsFinished()};
            long[] tenant = byTenant.computeIfAbsent(minute.getTenant(), t -> new long[3]);
            for (int i = 0; i < 3; i++) {
                series[slot][i] += figures[i];
                tenant[i] += figures[i];
            }
        }
        ObjectNode body = period.json();
        long[] totals = new long[3];
        ArrayNode points = body.putArray("minutes");
        for (int slot = 0; slot < minutes; slot++) {
            putThroughput(points.addObject().put("minute", period.minute(slot).toString()), series[slot]);
            for (int i = 0; i < 3; i++) totals[i] += series[slot][i];
        }
        putThroughput(body.putObject("totals"), totals);
        ArrayNode tenants = body.putArray("tenants");
        byTenant.forEach((tenant, figures) -> putThroughput(tenants.addObject().put("tenant", tenant), figures));
        return body;
    }

    private static void putThroughput(ObjectNode node, long[] figures) {
        node.put("bytesReceived", figures[0]).put("bytesFinished", figures[1]).put("uploadsFinished", figures[2]);
    }

    /**
     * Failed uploads, rejected chunks and rejected requests by reason: per minute (only minutes with
     * any, oldest first, summed over the scope's tenants), the period's totals, and each tenant's.
     */
    public ObjectNode failures(Optional<String> scope, int minutes) {
        Period period = period(minutes);
        Map<Instant, Reasons> perMinute = new TreeMap<>();
        Map<String, Reasons> perTenant = new TreeMap<>();
        Reasons totals = new Reasons();
        for (TenantMinute minute : view.minutes(scope, period.from())) {
            if (period.slot(minute.getMinuteStart()) < 0 || !Reasons.any(minute)) continue;
            perMinute.computeIfAbsent(minute.getMinuteStart(), m -> new Reasons()).add(minute);
            perTenant.computeIfAbsent(minute.getTenant(), t -> new Reasons()).add(minute);
            totals.add(minute);
        }
        ObjectNode body = period.json();
        ArrayNode points = body.putArray("minutes");
        perMinute.forEach((minute, reasons) -> reasons.putInto(points.addObject().put("minute", minute.toString())));
        totals.putInto(body.putObject("totals"));
        ArrayNode tenants = body.putArray("tenants");
        perTenant.forEach((tenant, reasons) -> reasons.putInto(tenants.addObject().put("tenant", tenant)));
        return body;
    }

    /** {@code {items: [{tenant, uploadId, assetId, fileName, contentType, size, finishedAt}]}}, newest first. */
    public ObjectNode recent(Optional<String> scope, int limit) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (DashboardView.RecentUpload recent : view.recentUploads(scope, limit)) {
            FinishedUpload upload = recent.upload();
            items.addObject().put("tenant", recent.tenant()).put("uploadId", upload.getUploadId())
                    .put("assetId", upload.getAssetId()).put("fileName", upload.getFileName())
                    .put("contentType", upload.getContentType()).put("size", upload.getSize())
                    .put("finishedAt", upload.getFinishedAt().toString());
        }
        return body;
    }

    private Period period(int minutes) {
        long currentMinute = MinuteKeys.minuteStart(clock.millis());
        return new Period(Instant.ofEpochMilli(currentMinute - (minutes - 1) * MinuteKeys.MINUTE_MILLIS), minutes);
    }

    /** The last {@code minutes} minutes, the current one included. */
    private record Period(Instant from, int minutes) {
        Instant minute(int slot) {
            return from.plusMillis(slot * MinuteKeys.MINUTE_MILLIS);
        }

        /** The minute's place in the period, or -1 outside it. */
        int slot(Instant minuteStart) {
            long slot = (minuteStart.toEpochMilli() - from.toEpochMilli()) / MinuteKeys.MINUTE_MILLIS;
            return minuteStart.isBefore(from) || slot >= minutes ? -1 : (int) slot;
        }

        ObjectNode json() {
            return Json.object().put("from", from.toString()).put("to", minute(minutes).toString());
        }
    }

    /** Counts by reason of the three kinds of failure. */
    private static final class Reasons {
        private final Map<String, Long> uploadsFailed = new TreeMap<>();
        private final Map<String, Long> chunksRejected = new TreeMap<>();
        private final Map<String, Long> requestsRejected = new TreeMap<>();

        static boolean any(TenantMinute minute) {
            return !minute.getUploadsFailed().isEmpty() || !minute.getChunksRejected().isEmpty()
                    || !minute.getRequestsRejected().isEmpty();
        }

        void add(TenantMinute minute) {
            minute.getUploadsFailed().forEach((reason, n) -> uploadsFailed.merge(reason, n, Long::sum));
            minute.getChunksRejected().forEach((reason, n) -> chunksRejected.merge(reason, n, Long::sum));
            minute.getRequestsRejected().forEach((reason, n) -> requestsRejected.merge(reason, n, Long::sum));
        }

        void putInto(ObjectNode node) {
            for (var kind : List.of(Map.entry("uploadsFailed", uploadsFailed),
                    Map.entry("chunksRejected", chunksRejected), Map.entry("requestsRejected", requestsRejected))) {
                ObjectNode counts = node.putObject(kind.getKey());
                kind.getValue().forEach(counts::put);
            }
        }
    }
}
