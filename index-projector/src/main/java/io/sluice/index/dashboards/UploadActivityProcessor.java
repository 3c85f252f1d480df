package io.sluice.index.dashboards;

import io.sluice.events.TenantActivity;
import io.sluice.events.UploadState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns an upload's events into its tenant's activity, re-keyed by tenant and timed by the event's
 * own time (the minute it counts in), and keeps the state each upload is counted in
 * ({@value DashboardTopology#COUNTED_STATES_STORE}) until the upload is forgotten.
 */
final class UploadActivityProcessor implements Processor<String, Object, String, TenantActivity> {

    private ProcessorContext<String, TenantActivity> context;
    private KeyValueStore<String, String> countedStates;

    @Override
    public void init(ProcessorContext<String, TenantActivity> context) {
        this.context = context;
        this.countedStates = context.getStateStore(DashboardTopology.COUNTED_STATES_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        String uploadId = record.key();
        if (uploadId == null || record.value() == null) return;
        String stored = countedStates.get(uploadId);
        UploadState counted = stored == null ? null : UploadState.valueOf(stored);
        UploadActivities.derive(record.value(), counted).ifPresent(derived -> {
            UploadState next = derived.state().orElse(null);
            if (next == null && counted != null) {
                countedStates.delete(uploadId);
            } else if (next != null && next != counted) {
                countedStates.put(uploadId, next.name());
            }
            TenantActivity activity = derived.activity();
            context.forward(new Record<>(activity.getTenant(), activity, activity.getTimestamp().toEpochMilli()));
        });
    }
}
