package io.sluice.index.dashboards;

import io.sluice.events.FinishedUpload;
import io.sluice.events.RecentUploads;
import io.sluice.events.TenantActivity;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStateCounts;
import io.sluice.schemas.keys.MinuteKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How a tenant's dashboard figures change with one {@link TenantActivity}. Pure. */
final class TenantFigures {

    /** The recent-uploads view keeps this many per tenant: the most the API lets a page ask for. */
    static final int RECENT_UPLOADS = 100;

    private TenantFigures() {}

    static UploadStateCounts noUploads(String tenant) {
        return UploadStateCounts.newBuilder().setTenant(tenant).setUpdatedAt(Instant.EPOCH).build();
    }

    /** The later of two times: a figure's "updated at" must not depend on the order changes were applied in (a replay's differs). */
    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    static boolean changesState(TenantActivity activity) {
        return activity.getLeftState() != activity.getEnteredState();
    }

    static UploadStateCounts counted(UploadStateCounts counts, TenantActivity activity) {
        UploadStateCounts.Builder next = UploadStateCounts.newBuilder(counts).setTenant(activity.getTenant())
                .setUpdatedAt(later(counts.getUpdatedAt(), activity.getTimestamp()));
        if (activity.getLeftState() != null) add(next, activity.getLeftState(), -1);
        if (activity.getEnteredState() != null) add(next, activity.getEnteredState(), 1);
        return next.build();
    }

    private static void add(UploadStateCounts.Builder counts, UploadState state, long delta) {
        switch (state) {
            case OPEN -> counts.setOpen(counts.getOpen() + delta);
            case FINISHING -> counts.setFinishing(counts.getFinishing() + delta);
            case FINISHED -> counts.setFinished(counts.getFinished() + delta);
            case FAILED -> counts.setFailed(counts.getFailed() + delta);
            case ABORTED -> counts.setAborted(counts.getAborted() + delta);
            case EXPIRED -> counts.setExpired(counts.getExpired() + delta);
        }
    }

    /** Whether the activity adds to any per-minute figure. */
    static boolean countsInMinute(TenantActivity activity) {
        return activity.getBytesReceived() > 0 || activity.getFinished() != null || activity.getFailure() != null
                || activity.getRejectedChunk() != null || activity.getRejectedRequest() != null;
    }

    /**
     * The minute's figures with the activity added.
     *
     * @param stored what the activity's minute key holds: this minute, the same minute of an earlier
     *     day (replaced), or null
     * @return null when the key holds a later day's minute: the activity is more than a day late,
     *     older than anything the view keeps
     */
    static TenantMinute addedToMinute(TenantMinute stored, TenantActivity activity) {
        long minuteStart = MinuteKeys.minuteStart(activity.getTimestamp().toEpochMilli());
        TenantMinute minute = stored;
        if (minute == null || minute.getMinuteStart().toEpochMilli() < minuteStart) {
            minute = TenantMinute.newBuilder().setTenant(activity.getTenant())
                    .setMinuteStart(Instant.ofEpochMilli(minuteStart)).build();
        } else if (minute.getMinuteStart().toEpochMilli() > minuteStart) {
            return null;
        }
        // Every map sorted by reason, changed or not: Avro writes a map in its iteration order, and a
        // map decoded from the store is a hash map, so the same figures would otherwise be written as
        // other bytes depending on the order the activities came in (a replay's differs).
        TenantMinute.Builder next = TenantMinute.newBuilder(minute)
                .setBytesReceived(minute.getBytesReceived() + activity.getBytesReceived())
                .setUploadsFailed(new TreeMap<>(minute.getUploadsFailed()))
                .setChunksRejected(new TreeMap<>(minute.getChunksRejected()))
                .setRequestsRejected(new TreeMap<>(minute.getRequestsRejected()));
        FinishedUpload finished = activity.getFinished();
        if (finished != null) {
            next.setBytesFinished(minute.getBytesFinished() + finished.getSize())
                    .setUploadsFinished(minute.getUploadsFinished() + 1);
        }
        if (activity.getFailure() != null) next.setUploadsFailed(plusOne(minute.getUploadsFailed(), activity.getFailure()));
        if (activity.getRejectedChunk() != null) {
            next.setChunksRejected(plusOne(minute.getChunksRejected(), activity.getRejectedChunk()));
        }
        if (activity.getRejectedRequest() != null) {
            next.setRequestsRejected(plusOne(minute.getRequestsRejected(), activity.getRejectedRequest()));
        }
        return next.build();
    }

    private static Map<String, Long> plusOne(Map<String, Long> counts, String reason) {
        Map<String, Long> next = new TreeMap<>(counts);
        next.merge(reason, 1L, Long::sum);
        return next;
    }

    /** Whether the activity changes the recent-uploads list. */
    static boolean changesRecent(TenantActivity activity) {
        return activity.getFinished() != null || activity.getDeletedAssetId() != null;
    }

    static RecentUploads noRecentUploads(String tenant) {
        return RecentUploads.newBuilder().setTenant(tenant).setUpdatedAt(Instant.EPOCH).build();
    }

    /** The list with a finished upload added (newest first, at most {@link #RECENT_UPLOADS}) or a deleted asset removed. */
    static RecentUploads recent(RecentUploads recent, TenantActivity activity) {
        List<FinishedUpload> uploads = new ArrayList<>(recent.getUploads());
        FinishedUpload finished = activity.getFinished();
        if (finished != null) {
            uploads.removeIf(u -> u.getUploadId().equals(finished.getUploadId()));
            uploads.add(finished);
        }
        if (activity.getDeletedAssetId() != null) {
            uploads.removeIf(u -> u.getAssetId().equals(activity.getDeletedAssetId()));
        }
        uploads.sort(Comparator.comparing(FinishedUpload::getFinishedAt).reversed()
                .thenComparing(FinishedUpload::getUploadId));
        if (uploads.size() > RECENT_UPLOADS) uploads = new ArrayList<>(uploads.subList(0, RECENT_UPLOADS));
        return RecentUploads.newBuilder().setTenant(activity.getTenant()).setUploads(uploads)
                .setUpdatedAt(later(recent.getUpdatedAt(), activity.getTimestamp())).build();
    }
}
