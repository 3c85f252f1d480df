package io.sluice.index.dashboards;

import io.sluice.events.TenantActivity;
import java.time.Duration;
import java.util.Locale;

/**
 * Told of each activity the dashboard projections count (after the event-id check, so a replayed
 * record is not told twice): the index projector's Prometheus meters listen. Called on a stream
 * thread; keep it cheap. Meters are not part of the exactly-once state: a task that fails before
 * its commit and runs its records again tells them again.
 */
public interface ActivityListener {

    ActivityListener NONE = new ActivityListener() {
        @Override
        public void counted(TenantActivity activity) {}

        @Override
        public void finished(Duration sinceVerified) {}
    };

    void counted(TenantActivity activity);

    /** How an activity names a reason (a FailureReason or RejectionReason): its enum name in lower case. */
    static String reasonName(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** An upload finished {@code sinceVerified} after the session processor verified it (assembly and index). */
    void finished(Duration sinceVerified);
}
