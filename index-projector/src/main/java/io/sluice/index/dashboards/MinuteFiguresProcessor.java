package io.sluice.index.dashboards;

import io.sluice.events.TenantActivity;
import io.sluice.events.TenantMinute;
import io.sluice.schemas.keys.MinuteKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a tenant's activity to its minute in {@value DashboardTopology#MINUTES_STORE}, one key per
 * minute of the day ({@link MinuteKeys}), and forwards the minute's new figures.
 *
 * <p>Why not a windowed aggregation: a window store with suppression never closes a quiet tenant's
 * window and buffers on the heap, and without it a window store only adds segment bookkeeping to
 * what 1,440 keys per tenant already bound. The keys replace themselves daily, so the store and the
 * compacted topic hold 24 hours per tenant with no clean-up; an activity more than a day older than
 * its key's minute is too old for any view and is counted in no minute (logged).
 */
final class MinuteFiguresProcessor implements Processor<String, TenantActivity, String, TenantMinute> {

    private static final Logger log = LoggerFactory.getLogger(MinuteFiguresProcessor.class);

    private ProcessorContext<String, TenantMinute> context;
    private KeyValueStore<String, TenantMinute> minutes;

    @Override
    public void init(ProcessorContext<String, TenantMinute> context) {
        this.context = context;
        this.minutes = context.getStateStore(DashboardTopology.MINUTES_STORE);
    }

    @Override
    public void process(Record<String, TenantActivity> record) {
        TenantActivity activity = record.value();
        if (activity == null || !TenantFigures.countsInMinute(activity)) return;
        String key = MinuteKeys.key(activity.getTenant(), activity.getTimestamp().toEpochMilli());
        TenantMinute next = TenantFigures.addedToMinute(minutes.get(key), activity);
        if (next == null) {
            log.warn("Activity of upload {} at {} is more than a day older than the minute {} holds; not counted",
                    activity.getUploadId(), activity.getTimestamp(), key);
            return;
        }
        minutes.put(key, next);
        context.forward(record.withKey(key).withValue(next));
    }
}
