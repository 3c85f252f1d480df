package io.sluice.index.dashboards;

import io.sluice.events.RecentUploads;
import io.sluice.events.TenantActivity;
import io.sluice.events.UploadStateCounts;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.serde.SchemaRegistration;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The dashboard projections, as a story:
 * <ol>
 *   <li>the session processor's decisions and the finished uploads arrive keyed by upload id;
 *       {@value #ACTIVITY_PROCESSOR} turns each into what it adds to its tenant's figures
 *       ({@link UploadActivities}), remembering the state each upload is counted in
 *       ({@value #COUNTED_STATES_STORE}, one small entry per upload until it is forgotten) and each
 *       event's id ({@value #COUNTED_EVENTS_STORE}), so a record appended again by a replay counts once;</li>
 *   <li>the activity is re-keyed by tenant through {@value #ACTIVITY_BY_TENANT}, so each tenant's
 *       figures live in one task;</li>
 *   <li>state changes update the tenant's counts by state ({@value #STATE_COUNTS_STORE} →
 *       {@code sluice.dashboard-upload-states}); everything that counts in a minute updates the
 *       tenant's minute ({@value #MINUTES_STORE} → {@code sluice.dashboard-minutes}); finished uploads
 *       and deleted assets update the recent list ({@value #RECENT_STORE} → {@code sluice.dashboard-recent}).</li>
 * </ol>
 * Exactly-once like the rest of the app, and fed only by the log, so replaying the topics into
 * empty stores rebuilds the same figures.
 */
public final class DashboardTopology {

    public static final String COUNTED_STATES_STORE = "dashboard-counted-states";
    public static final String COUNTED_EVENTS_STORE = "dashboard-counted-events";
    /**
     * How long an event id is remembered: longer than the event topics keep events, so a replay
     * cannot bring back an event whose id is forgotten.
     */
    static final Duration COUNTED_EVENTS_RETENTION = Topics.UPLOAD_LOG_RETENTION.plusDays(1);
    public static final String STATE_COUNTS_STORE = "dashboard-state-counts";
    public static final String MINUTES_STORE = "dashboard-minutes";
    public static final String RECENT_STORE = "dashboard-recent";
    /** Name of the repartition topic (prefixed by the application id, suffixed {@code -repartition}). */
    public static final String ACTIVITY_BY_TENANT = "dashboard-activity-by-tenant";
    static final String ACTIVITY_PROCESSOR = "dashboard-upload-activity";

    private DashboardTopology() {}

    public static void addTo(StreamsBuilder builder, SchemaRegistry registry, ActivityListener listener) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTED_STATES_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(COUNTED_EVENTS_STORE,
                COUNTED_EVENTS_RETENTION, Duration.ofMillis(1), false), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MINUTES_STORE),
                Serdes.String(), Topics.DASHBOARD_MINUTES.valueSerde(registry)));

        KStream<String, Object> decisions = builder.stream(Topics.UPLOAD_DECISIONS.name(),
                        consumed(Topics.UPLOAD_DECISIONS, registry, "dashboard-decisions-source"))
                .mapValues(decision -> (Object) decision.getPayload(), Named.as("dashboard-decision-payloads"));
        KStream<String, Object> finished = builder.stream(Topics.UPLOADS_FINISHED.name(),
                        consumed(Topics.UPLOADS_FINISHED, registry, "dashboard-finished-source"))
                .mapValues(upload -> (Object) upload, Named.as("dashboard-finished-uploads"));
        Serde<TenantActivity> activities = Topics.DASHBOARD_ACTIVITY.serde(registry, SchemaRegistration.AUTO_REGISTER,
                false);
        KStream<String, TenantActivity> byTenant = decisions.merge(finished, Named.as("dashboard-upload-events"))
                .process(() -> new UploadActivityProcessor(listener), Named.as(ACTIVITY_PROCESSOR), COUNTED_STATES_STORE,
                        COUNTED_EVENTS_STORE)
                .repartition(Repartitioned.<String, TenantActivity>as(ACTIVITY_BY_TENANT)
                        .withKeySerde(Serdes.String()).withValueSerde(activities));

        Serde<UploadStateCounts> counts = Topics.DASHBOARD_UPLOAD_STATES.valueSerde(registry);
        byTenant.filter((tenant, activity) -> TenantFigures.changesState(activity), Named.as("dashboard-state-changes"))
                .groupByKey(Grouped.<String, TenantActivity>as("dashboard-state-changes-by-tenant")
                        .withKeySerde(Serdes.String()).withValueSerde(activities))
                .aggregate(() -> TenantFigures.noUploads(""), (tenant, activity, now) -> TenantFigures.counted(now, activity),
                        Named.as("dashboard-count-states"),
                        Materialized.<String, UploadStateCounts, KeyValueStore<Bytes, byte[]>>as(STATE_COUNTS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(counts))
                .toStream(Named.as("dashboard-state-counts-changes"))
                .to(Topics.DASHBOARD_UPLOAD_STATES.name(), produced(Topics.DASHBOARD_UPLOAD_STATES, registry,
                        "dashboard-upload-states-sink"));

        byTenant.process(MinuteFiguresProcessor::new, Named.as("dashboard-minute-figures"), MINUTES_STORE)
                .to(Topics.DASHBOARD_MINUTES.name(), produced(Topics.DASHBOARD_MINUTES, registry,
                        "dashboard-minutes-sink"));

        Serde<RecentUploads> recent = Topics.DASHBOARD_RECENT.valueSerde(registry);
        byTenant.filter((tenant, activity) -> TenantFigures.changesRecent(activity), Named.as("dashboard-recent-changes"))
                .groupByKey(Grouped.<String, TenantActivity>as("dashboard-recent-changes-by-tenant")
                        .withKeySerde(Serdes.String()).withValueSerde(activities))
                .aggregate(() -> TenantFigures.noRecentUploads(""), (tenant, activity, now) -> TenantFigures.recent(now, activity),
                        Named.as("dashboard-recent-uploads"),
                        Materialized.<String, RecentUploads, KeyValueStore<Bytes, byte[]>>as(RECENT_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(recent))
                .toStream(Named.as("dashboard-recent-uploads-changes"))
                .to(Topics.DASHBOARD_RECENT.name(), produced(Topics.DASHBOARD_RECENT, registry, "dashboard-recent-sink"));
    }

    private static <V> Consumed<String, V> consumed(TopicSpec<String, V> topic, SchemaRegistry registry, String name) {
        return Consumed.with(topic.keySerde(registry), topic.valueSerde(registry)).withName(name);
    }

    private static <V> Produced<String, V> produced(TopicSpec<String, V> topic, SchemaRegistry registry, String name) {
        return Produced.with(topic.keySerde(registry), topic.valueSerde(registry)).withName(name);
    }
}
