package io.sluice.stack.replay;

import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.topics.Topics;
import java.util.List;

/**
 * What {@code ./sluice replay <service>} does for each service, decided by where the service keeps
 * its state.
 */
public sealed interface ReplayTarget {

    /**
     * A Kafka Streams app: its state is its local stores (rebuilt from their changelogs at start) and
     * its committed input offsets. A replay wipes the stores, deletes the changelogs, moves the input
     * offsets back to the earliest retained record and lets the app process everything again.
     *
     * @param applicationId its {@code application.id}, also its consumer group and the prefix of its internal topics
     * @param inputTopics every topic its topology reads
     */
    record StreamsApp(String applicationId, List<String> inputTopics) implements ReplayTarget {
        public StreamsApp {
            inputTopics = List.copyOf(inputTopics);
        }
    }

    /**
     * A service whose state is views of compacted topics: the replay stops it, deletes its state
     * directory and starts it, and it reads the topics again.
     */
    record RebuildViews(String why) implements ReplayTarget {}

    /** A service with nothing a replay could rebuild; the command refuses and says why. */
    record Refused(String why) implements ReplayTarget {}

    /**
     * Application ids and input topics as the topologies define them (SessionProcessorTopology,
     * IndexProjectorTopology). The CLI does not depend on the services' modules, so they are named
     * here; the end-to-end ReplayTest checks them against the topologies.
     */
    String SESSION_PROCESSOR_APPLICATION_ID = "sluice-session-processor";
    String INDEX_PROJECTOR_APPLICATION_ID = "sluice-index-projector";

    static ReplayTarget of(ServiceId service) {
        return switch (service) {
            case SESSION_PROCESSOR -> new StreamsApp(SESSION_PROCESSOR_APPLICATION_ID, List.of(
                    Topics.UPLOAD_REQUESTS.name(), Topics.BLOB_EVENTS.name(), Topics.UPLOADS_FINISHED.name()));
            case INDEX_PROJECTOR -> new StreamsApp(INDEX_PROJECTOR_APPLICATION_ID,
                    List.of(Topics.BLOB_EVENTS.name(), Topics.ASSET_REQUESTS.name(), Topics.UPLOAD_DECISIONS.name(),
                            Topics.UPLOADS_FINISHED.name()));
            case INGEST_API -> new RebuildViews("ingest-api keeps its read views (upload status, chunk progress, asset"
                    + " index, dashboard figures) on disk, read from the compacted topics " + Topics.UPLOAD_STATUS.name()
                    + ", " + Topics.UPLOAD_CHUNKS.name() + ", " + Topics.ASSET_INDEX.name() + " and "
                    + Topics.DASHBOARD_UPLOAD_STATES.name() + ", " + Topics.DASHBOARD_MINUTES.name() + ", "
                    + Topics.DASHBOARD_RECENT.name() + ": its replay deletes them and starts it, and it reads the"
                    + " topics again.");
            case BLOB_WRITER -> new Refused("blob-writer keeps no state a replay could rebuild: what it wrote is in"
                    + " the object store (chunk objects keyed by their SHA-256, assembled assets), what it read is"
                    + " its consumer groups' committed offsets, and every write is idempotent. After losing its"
                    + " machine, start it again (./sluice restart blob-writer): it resumes from its committed"
                    + " offsets. Re-reading the topics into the object store is not what replay does: it would"
                    + " re-create the chunk objects of uploads that were assembled or ended long ago.");
        };
    }
}
