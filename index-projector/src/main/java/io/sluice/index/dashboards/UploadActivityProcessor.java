package io.sluice.index.dashboards;

import io.sluice.events.TenantActivity;
import io.sluice.events.UploadState;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Turns an upload's events into its tenant's activity, re-keyed by tenant and timed by the event's
 * own time (the minute it counts in), and keeps the state each upload is counted in
 * ({@value DashboardTopology#COUNTED_STATES_STORE}) until the upload is forgotten.
 *
 * <p>Each event counts once, by its event id ({@value DashboardTopology#COUNTED_EVENTS_STORE}): a
 * replay of the session processor appends every decision again, with the same id and time (event
 * ids are deterministic), and a replay of this app re-announces every finish. The ids are kept,
 * by the event's own time, as long as the event topics keep events, so a store that grows with the
 * events of that period — on disk — is what a repeated record cannot get past.
 */
final class UploadActivityProcessor implements Processor<String, Object, String, TenantActivity> {

    private static final byte[] COUNTED = {1};

    private final ActivityListener listener;
    private ProcessorContext<String, TenantActivity> context;
    private KeyValueStore<String, String> countedStates;
    private WindowStore<String, byte[]> countedEvents;

    UploadActivityProcessor(ActivityListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, TenantActivity> context) {
        this.context = context;
        this.countedStates = context.getStateStore(DashboardTopology.COUNTED_STATES_STORE);
        this.countedEvents = context.getStateStore(DashboardTopology.COUNTED_EVENTS_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        String uploadId = record.key();
        if (uploadId == null || !(record.value() instanceof GenericRecord event)) return;
        if (!firstTime(event)) return;
        CountedState stored = CountedState.parse(countedStates.get(uploadId));
        UploadState counted = stored == null ? null : stored.state();
        UploadActivities.derive(event, counted).ifPresent(derived -> {
            UploadState next = derived.state().orElse(null);
            TenantActivity activity = derived.activity();
            if (next == null && counted != null) {
                countedStates.delete(uploadId);
            } else if (next != null && next != counted) {
                countedStates.put(uploadId, new CountedState(next, activity.getTimestamp().toEpochMilli()).format());
                if (next == UploadState.FINISHED && counted == UploadState.FINISHING) {
                    listener.finished(Duration.ofMillis(Math.max(0,
                            activity.getTimestamp().toEpochMilli() - stored.sinceMillis())));
                }
            }
            listener.counted(activity);
            context.forward(new Record<>(activity.getTenant(), activity, activity.getTimestamp().toEpochMilli()));
        });
    }

    /** The state an upload is counted in and since when (its event's time), as the store keeps it: {@code STATE@millis}. */
    record CountedState(UploadState state, long sinceMillis) {
        static CountedState parse(String stored) {
            if (stored == null) return null;
            int at = stored.indexOf('@');
            return at < 0 ? new CountedState(UploadState.valueOf(stored), 0)
                    : new CountedState(UploadState.valueOf(stored.substring(0, at)), Long.parseLong(stored.substring(at + 1)));
        }

        String format() {
            return state.name() + "@" + sinceMillis;
        }
    }

    /** Records the event's id at its time; false if it was recorded already. */
    private boolean firstTime(GenericRecord event) {
        if (!event.hasField("eventId") || !event.hasField("timestamp")) return true;
        String eventId = String.valueOf(event.get("eventId"));
        long at = ((Instant) event.get("timestamp")).toEpochMilli();
        try (WindowStoreIterator<byte[]> seen = countedEvents.fetch(eventId, at, at)) {
            if (seen.hasNext()) return false;
        }
        countedEvents.put(eventId, COUNTED, at);
        return true;
    }
}
