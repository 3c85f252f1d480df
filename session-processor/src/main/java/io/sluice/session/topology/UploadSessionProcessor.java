package io.sluice.session.topology;

import io.sluice.events.AbortRequested;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkProgress;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.ExpiryRequested;
import io.sluice.events.FinishRequested;
import io.sluice.events.ForgetRequested;
import io.sluice.events.RejectedChunk;
import io.sluice.events.RejectionReason;
import io.sluice.events.RequestKind;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRejected;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.deadletters.ProcessorDeadLetters;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.topics.Topics;
import io.sluice.session.domain.ChunkBytes;
import io.sluice.session.domain.Sha256;
import io.sluice.session.domain.UploadEvent;
import io.sluice.upload.Violation;
import io.sluice.upload.rules.ChunkLengthRule;
import io.sluice.upload.rules.FinishRule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The session processor's one step: reads an upload's requests, its blob writer reports and its
 * {@code UploadFinished}, applies them to the upload's session, and forwards what was decided —
 * decision events, the new status, and (from the wall-clock punctuator) expiry requests, which go
 * back through the request topic so that a replay applies the same expiry instead of deciding anew.
 *
 * <p>Times given to the domain are the events' own timestamps, never the clock: replaying the
 * topics reproduces the same sessions.
 *
 * <p>Every request meets the upload rules (module {@code upload-domain}) before anything is kept for
 * it, whoever produced it: an opening that breaks one is rejected with the rule's code and makes no
 * session ({@link OpenedValidation}), a chunk whose stated length is not its bytes' or whose index or
 * length is off the grid is rejected in its upload's status; no check allocates or loops by a number
 * a request claims.
 *
 * <p>A request naming a tenant that is not configured gets no decision and creates nothing: it is
 * set aside on the dead-letter topic ({@code UNKNOWN_TENANT}), because only a direct producer can
 * send one (the ingest API knows the same tenants) and no client is waiting for its outcome.
 */
final class UploadSessionProcessor implements Processor<String, Object, String, Object> {

    /**
     * Missing chunks listed in a status's request outcome (the chunk progress topic names all of
     * them); the status must stay small whatever the chunk count.
     */
    static final int MAX_MISSING_IN_OUTCOME = io.sluice.session.domain.UploadSession.MAX_MISSING_LISTED;

    private final SessionProcessorSettings settings;
    private final ProcessorDeadLetters<UploadRequest> deadLetters;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, SessionRecord> sessions;
    private ParkedChunkStore parked;
    private ChunkEntryStore chunks;
    private EarlyReportStore earlyReports;
    /** Expiry requests sent and not yet seen back, by upload id: the activity time they were for. */
    private final Map<String, Long> expiryRequested = new HashMap<>();
    /** Forget requests sent and not yet seen back, by upload id: the end time they were for. */
    private final Map<String, Long> forgetRequested = new HashMap<>();

    UploadSessionProcessor(SessionProcessorSettings settings, ProcessorDeadLetters<UploadRequest> deadLetters) {
        this.settings = settings;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.sessions = context.getStateStore(SessionProcessorTopology.SESSIONS_STORE);
        this.parked = new ParkedChunkStore(context.getStateStore(SessionProcessorTopology.PARKED_CHUNKS_STORE));
        this.chunks = new ChunkEntryStore(context.getStateStore(SessionProcessorTopology.CHUNK_ENTRIES_STORE));
        this.earlyReports = new EarlyReportStore(context.getStateStore(SessionProcessorTopology.EARLY_REPORTS_STORE));
        context.schedule(settings.expiryCheckInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            requestExpiries(now);
            earlyReports.dropOlderThan(now - Topics.UPLOAD_LOG_RETENTION.toMillis());
        });
    }

    @Override
    public void process(Record<String, Object> record) {
        chunks.drainChanged(); // left over only if an earlier record failed: its transaction aborts
        switch (record.value()) {
            case UploadRequest request -> processRequest(record, request);
            case BlobEvent blobEvent -> processBlobEvent(record, blobEvent.getPayload());
            case UploadFinished finished -> processFinished(record, finished);
            case null -> { /* a tombstone carries nothing to apply */ }
            default -> throw new IllegalArgumentException("unexpected input " + record.value().getClass());
        }
    }

    private void processRequest(Record<String, Object> record, UploadRequest request) {
        Object payload = request.getPayload();
        String tenant = tenantOf(payload);
        if (!settings.isKnownTenant(tenant) && !isPunctuatorRequestForHeldSession(payload)) {
            deadLetters.setAside(context, record, request, DeadLetterReason.UNKNOWN_TENANT,
                    "tenant " + tenant + " is not one of the tenants configured in SLUICE_AUTH_TOKENS");
            return;
        }
        switch (payload) {
            case UploadOpened opened -> open(record, opened);
            case ChunkReceived chunk -> receiveChunk(record, chunk);
            case FinishRequested finish -> finish(record, finish);
            case AbortRequested abort -> abort(record, abort);
            case ExpiryRequested expiry -> expire(record, expiry);
            case ForgetRequested forget -> forget(record, forget);
            default -> throw new IllegalArgumentException("unexpected request " + payload.getClass());
        }
    }

    private void open(Record<String, Object> record, UploadOpened opened) {
        String causation = opened.getEventId();
        SessionRecord existing = sessions.get(opened.getUploadId());
        if (existing == null) {
            Optional<Violation> invalid = OpenedValidation.problem(opened, settings.limits());
            if (invalid.isPresent()) {
                forwardDecision(record, new UploadDecision(UploadRejected.newBuilder().setEventId(DecisionMapper.eventId(causation, 0))
                        .setUploadId(opened.getUploadId()).setTenant(opened.getTenant())
                        .setTimestamp(opened.getTimestamp()).setCausationId(causation)
                        .setReason(RejectionReason.valueOf(invalid.get().code().name()))
                        .setDetail(invalid.get().detail()).build()));
                return;
            }
            SessionRecord created = SessionRecord.open(opened, opened.getTimestamp().toEpochMilli(), parked, chunks);
            applyEarlyReports(created);
            acceptOpen(record, created, opened, false);
            return;
        }
        if (OpenedValidation.sameUpload(existing.opened, opened)) {
            acceptOpen(record, existing, opened, true);
            return;
        }
        RejectionReason reason = opened.getIdempotencyKey() != null
                ? RejectionReason.IDEMPOTENCY_KEY_REUSED : RejectionReason.UPLOAD_EXISTS;
        String detail = "upload " + opened.getUploadId() + " already exists with a different request";
        forwardDecision(record, new UploadDecision(UploadRejected.newBuilder()
                .setEventId(DecisionMapper.eventId(causation, 0)).setUploadId(opened.getUploadId())
                .setTenant(opened.getTenant()).setTimestamp(opened.getTimestamp()).setCausationId(causation)
                .setReason(reason).setDetail(detail).build()));
        existing.addOutcome(outcome(causation, RequestKind.OPEN, false, reason, detail, List.of(), opened.getTimestamp()));
        save(record, existing, opened.getTimestamp());
    }

    /** @param repeated the upload existed before this opening (a retried create) */
    private void acceptOpen(Record<String, Object> record, SessionRecord session, UploadOpened request,
            boolean repeated) {
        String causation = request.getEventId();
        forwardDecision(record, new UploadDecision(UploadAccepted.newBuilder()
                .setEventId(DecisionMapper.eventId(causation, 0)).setUploadId(request.getUploadId())
                .setTenant(session.opened.getTenant()).setTimestamp(request.getTimestamp()).setCausationId(causation)
                .setSize(session.opened.getSize()).setChunkSize(session.opened.getChunkSize())
                .setChunkCount(session.opened.getChunkCount()).setExpiresAt(DecisionMapper.expiresAt(session))
                .setContentType(session.opened.getContentType()).setRepeated(repeated).build()));
        session.addOutcome(outcome(causation, RequestKind.OPEN, true, null, null, List.of(), request.getTimestamp()));
        save(record, session, request.getTimestamp());
    }

    private void receiveChunk(Record<String, Object> record, ChunkReceived chunk) {
        SessionRecord session = sessionOf(chunk.getUploadId(), chunk.getTenant());
        ChunkBytes bytes = ChunkBytes.of(chunk.getBytes());
        if (session == null) {
            rejectUnknown(record, new UploadEvent.ChunkRejected(chunk.getIndex(), bytes.length(), bytes.sha256(),
                    io.sluice.session.domain.RejectionReason.UNKNOWN_UPLOAD, null), chunk.getEventId(),
                    chunk.getUploadId(), chunk.getTenant(), chunk.getTimestamp());
            return;
        }
        byte[] claimed = parseSha(chunk.getSha256());
        Optional<Violation> lyingLength = ChunkLengthRule.checkStated(chunk.getLength(), bytes.length());
        List<UploadEvent> events;
        if (lyingLength.isPresent()) {
            events = List.of(new UploadEvent.ChunkRejected(chunk.getIndex(), bytes.length(), bytes.sha256(),
                    io.sluice.session.domain.RejectionReason.CHUNK_SIZE_MISMATCH, lyingLength.get().detail()));
        } else if (claimed == null) {
            events = List.of(new UploadEvent.ChunkRejected(chunk.getIndex(), bytes.length(), bytes.sha256(),
                    io.sluice.session.domain.RejectionReason.DIGEST_MISMATCH, "sha256 must be 64 hex digits"));
        } else {
            events = session.session(parked, chunks).receiveChunk(chunk.getIndex(), bytes, claimed,
                    chunk.getTimestamp().toEpochMilli(), settings.parkedBytesLimit());
        }
        if (events.isEmpty()) return; // the same bytes again: nothing changed
        for (UploadEvent event : events) {
            if (event instanceof UploadEvent.ChunkRejected rejected) {
                session.addRejection(new RejectedChunk(rejected.index(),
                        RejectionReason.valueOf(rejected.reason().name()), rejected.detail(),
                        Sha256.hex(rejected.sha256()), chunk.getTimestamp()));
            }
        }
        apply(record, session, events, chunk.getEventId(), chunk.getTimestamp());
    }

    private void finish(Record<String, Object> record, FinishRequested finish) {
        SessionRecord session = sessionOf(finish.getUploadId(), finish.getTenant());
        if (session == null) {
            rejectUnknown(record, new UploadEvent.FinishRejected(io.sluice.session.domain.RejectionReason.UNKNOWN_UPLOAD,
                    List.of(), null), finish.getEventId(), finish.getUploadId(), finish.getTenant(), finish.getTimestamp());
            return;
        }
        Optional<Violation> malformed = FinishRule.check(finish.getSize(), finish.getSha256());
        List<UploadEvent> events = malformed.isPresent()
                ? List.of(new UploadEvent.FinishRejected(io.sluice.session.domain.RejectionReason.INVALID_REQUEST,
                        List.of(), malformed.get().detail()))
                : session.session(parked, chunks).requestFinish(finish.getSize(),
                        finish.getSha256() == null ? null : Sha256.fromHex(finish.getSha256()),
                        finish.getTimestamp().toEpochMilli());
        RequestOutcome outcome = outcome(finish.getEventId(), RequestKind.FINISH, true, null, null, List.of(),
                finish.getTimestamp());
        for (UploadEvent event : events) {
            switch (event) {
                case UploadEvent.FinishRejected r -> outcome = outcome(finish.getEventId(), RequestKind.FINISH, false,
                        RejectionReason.valueOf(r.reason().name()), r.detail(),
                        r.missing().subList(0, Math.min(r.missing().size(), MAX_MISSING_IN_OUTCOME)),
                        finish.getTimestamp());
                case UploadEvent.UploadFailed f -> outcome = outcome(finish.getEventId(), RequestKind.FINISH, false,
                        null, f.reason().name().toLowerCase(java.util.Locale.ROOT), List.of(), finish.getTimestamp());
                default -> { }
            }
        }
        session.addOutcome(outcome);
        apply(record, session, events, finish.getEventId(), finish.getTimestamp());
    }

    private void abort(Record<String, Object> record, AbortRequested abort) {
        SessionRecord session = sessionOf(abort.getUploadId(), abort.getTenant());
        if (session == null) {
            rejectUnknown(record, new UploadEvent.AbortRejected(io.sluice.session.domain.RejectionReason.UNKNOWN_UPLOAD),
                    abort.getEventId(), abort.getUploadId(), abort.getTenant(), abort.getTimestamp());
            return;
        }
        List<UploadEvent> events = session.session(parked, chunks).abort(abort.getTimestamp().toEpochMilli());
        RequestOutcome outcome = outcome(abort.getEventId(), RequestKind.ABORT, true, null, null, List.of(),
                abort.getTimestamp());
        if (!events.isEmpty() && events.getFirst() instanceof UploadEvent.AbortRejected r) {
            outcome = outcome(abort.getEventId(), RequestKind.ABORT, false, RejectionReason.valueOf(r.reason().name()),
                    null, List.of(), abort.getTimestamp());
        }
        session.addOutcome(outcome);
        apply(record, session, events, abort.getEventId(), abort.getTimestamp());
    }

    private static String tenantOf(Object payload) {
        return switch (payload) {
            case UploadOpened opened -> opened.getTenant();
            case ChunkReceived chunk -> chunk.getTenant();
            case FinishRequested finish -> finish.getTenant();
            case AbortRequested abort -> abort.getTenant();
            case ExpiryRequested expiry -> expiry.getTenant();
            case ForgetRequested forget -> forget.getTenant();
            default -> throw new IllegalArgumentException("unexpected request " + payload.getClass());
        };
    }

    /**
     * An expiry or forget request for a session this processor holds: the punctuator asked for it.
     * It is applied even when its tenant has since been removed from the configuration, so that the
     * tenant's open uploads still expire, its ended ones are still forgotten, and their chunk objects
     * are deleted. Sessions exist only for tenants that were accepted when they opened, so this admits
     * no request for a tenant that never was.
     */
    private boolean isPunctuatorRequestForHeldSession(Object payload) {
        return switch (payload) {
            case ExpiryRequested expiry -> sessionOf(expiry.getUploadId(), expiry.getTenant()) != null;
            case ForgetRequested forget -> sessionOf(forget.getUploadId(), forget.getTenant()) != null;
            default -> false;
        };
    }

    /**
     * Forgets an upload that ended longer ago than the retention, as the punctuator decided (contract
     * I10): announces it, tombstones its status and chunk progress records, and drops its session,
     * chunk entries and early reports. A request for an upload that is unknown, not ended, or ended
     * at another time than the punctuator saw is stale and changes nothing.
     */
    private void forget(Record<String, Object> record, ForgetRequested forget) {
        forgetRequested.remove(forget.getUploadId());
        SessionRecord session = sessionOf(forget.getUploadId(), forget.getTenant());
        if (session == null) return;
        java.util.OptionalLong ended = session.session(parked, chunks).endedAt();
        if (ended.isEmpty() || ended.getAsLong() != forget.getEndedAt().toEpochMilli()) return; // stale
        String uploadId = forget.getUploadId();
        forwardDecision(record, new UploadDecision(UploadForgotten.newBuilder()
                .setEventId(DecisionMapper.eventId(forget.getEventId(), 0)).setUploadId(uploadId)
                .setTenant(forget.getTenant()).setTimestamp(forget.getTimestamp()).setCausationId(forget.getEventId())
                .setState(io.sluice.events.UploadState.valueOf(session.data.state().name()))
                .setEndedAt(forget.getEndedAt()).build()));
        chunks.deleteAll(uploadId).forEach((index, entry) -> {
            if (!entry.isAccepted()) return; // never published: nothing to tombstone
            context.forward(new Record<>(ChunkKeys.key(uploadId, index), null, record.timestamp()),
                    SessionProcessorTopology.CHUNK_PROGRESS_SINK);
        });
        earlyReports.drain(uploadId);
        sessions.delete(uploadId);
        context.forward(record.withValue(null), SessionProcessorTopology.STATUS_SINK);
    }

    /** Applies an expiry decided by the punctuator, unless the upload was active after that decision. */
    private void expire(Record<String, Object> record, ExpiryRequested expiry) {
        expiryRequested.remove(expiry.getUploadId());
        SessionRecord session = sessionOf(expiry.getUploadId(), expiry.getTenant());
        if (session == null) return;
        if (session.data.lastActivityMillis() > expiry.getLastActivityAt().toEpochMilli()) return; // stale
        List<UploadEvent> events = session.session(parked, chunks).expire(expiry.getTimestamp().toEpochMilli());
        if (events.isEmpty()) return;
        apply(record, session, events, expiry.getEventId(), expiry.getTimestamp());
    }

    private void processBlobEvent(Record<String, Object> record, Object payload) {
        if (payload instanceof AssetStored) return; // the index projector's input
        if (!(payload instanceof ChunkStored stored)) {
            throw new IllegalArgumentException("unexpected blob event " + payload.getClass());
        }
        byte[] sha = parseSha(stored.getSha256());
        if (sha == null) return; // names no digest, so it can match no accepted chunk
        SessionRecord session = sessionOf(stored.getUploadId(), stored.getTenant());
        if (session == null) {
            earlyReports.keep(stored, stored.getTimestamp().toEpochMilli());
            return;
        }
        List<UploadEvent> events = session.session(parked, chunks).chunkStored(stored.getIndex(), sha);
        apply(record, session, events, stored.getEventId(), stored.getTimestamp());
    }

    /** Applies the stored reports that arrived before the upload was opened (see {@link EarlyReportStore}). */
    private void applyEarlyReports(SessionRecord created) {
        var session = created.session(parked, chunks);
        for (EarlyReportStore.EarlyReport report : earlyReports.drain(created.opened.getUploadId())) {
            byte[] sha = parseSha(report.sha256());
            if (sha != null && report.tenant().equals(created.opened.getTenant())) session.chunkStored(report.index(), sha);
        }
    }

    private void processFinished(Record<String, Object> record, UploadFinished finished) {
        SessionRecord session = sessionOf(finished.getUploadId(), finished.getTenant());
        if (session == null) return;
        List<UploadEvent> events = session.session(parked, chunks).completed(finished.getAssetId(),
                finished.getTimestamp().toEpochMilli());
        if (events.isEmpty()) return;
        apply(record, session, events, finished.getEventId(), finished.getTimestamp());
    }

    /** Publishes the decisions and saves the session with its new status. */
    private void apply(Record<String, Object> record, SessionRecord session, List<UploadEvent> events,
            String causationId, Instant at) {
        for (int i = 0; i < events.size(); i++) {
            UploadDecision decision = DecisionMapper.toDecision(events.get(i), session.opened.getUploadId(),
                    session.opened.getTenant(), session, causationId, i, at);
            if (decision != null) forwardDecision(record, decision);
        }
        save(record, session, at);
    }

    private void rejectUnknown(Record<String, Object> record, UploadEvent rejection, String causationId,
            String uploadId, String tenant, Instant at) {
        forwardDecision(record, DecisionMapper.toDecision(rejection, uploadId, tenant, null, causationId, 0, at));
    }

    private void save(Record<String, Object> record, SessionRecord session, Instant at) {
        sessions.put(session.opened.getUploadId(), session);
        context.forward(record.withValue(StatusProjection.of(session, at)), SessionProcessorTopology.STATUS_SINK);
        publishChunkProgress(record, session, at);
    }

    /** One record per chunk whose accepted or stored state changed (contract: the chunk progress topic). */
    private void publishChunkProgress(Record<String, Object> record, SessionRecord session, Instant at) {
        String uploadId = session.opened.getUploadId();
        chunks.drainChanged().forEach((index, entry) -> {
            if (!entry.isAccepted()) return; // only reports so far: nothing to show
            ChunkProgress progress = ChunkProgress.newBuilder().setUploadId(uploadId)
                    .setTenant(session.opened.getTenant()).setIndex(index).setSha256(Sha256.hex(entry.accepted()))
                    .setStored(entry.stored()).setUpdatedAt(at).build();
            context.forward(new Record<>(ChunkKeys.key(uploadId, index), (Object) progress, record.timestamp()),
                    SessionProcessorTopology.CHUNK_PROGRESS_SINK);
        });
    }

    private void forwardDecision(Record<String, Object> record, UploadDecision decision) {
        context.forward(record.withValue(decision), SessionProcessorTopology.DECISIONS_SINK);
    }

    /** The session, if it exists and belongs to this tenant (another tenant's upload does not exist for it). */
    private SessionRecord sessionOf(String uploadId, String tenant) {
        SessionRecord session = sessions.get(uploadId);
        return session != null && Objects.equals(session.opened.getTenant(), tenant) ? session : null;
    }

    /**
     * Wall-clock punctuation: asks, through the log, to expire every upload idle past its time-to-live
     * and to forget every upload ended longer ago than the retention.
     */
    private void requestExpiries(long nowMillis) {
        try (KeyValueIterator<String, SessionRecord> all = sessions.all()) {
            while (all.hasNext()) {
                KeyValue<String, SessionRecord> entry = all.next();
                SessionRecord session = entry.value;
                if (session.session(parked, chunks).isPastRetention(nowMillis, settings.endedRetention())) {
                    requestForget(entry.key, session, nowMillis);
                    continue;
                }
                Duration ttl = Duration.ofMillis(session.opened.getIdleTtlMillis());
                if (!session.session(parked, chunks).isIdle(nowMillis, ttl)) continue;
                long lastActivity = session.data.lastActivityMillis();
                if (Objects.equals(expiryRequested.get(entry.key), lastActivity)) continue;
                expiryRequested.put(entry.key, lastActivity);
                ExpiryRequested request = ExpiryRequested.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setUploadId(entry.key).setTenant(session.opened.getTenant())
                        .setTimestamp(Instant.ofEpochMilli(nowMillis))
                        .setLastActivityAt(Instant.ofEpochMilli(lastActivity)).build();
                context.forward(new Record<>(entry.key, (Object) new UploadRequest(request), nowMillis),
                        SessionProcessorTopology.EXPIRY_REQUESTS_SINK);
            }
        }
    }

    /** Asks, through the log, to forget an upload past its retention (once per end time). */
    private void requestForget(String uploadId, SessionRecord session, long nowMillis) {
        long endedAt = session.session(parked, chunks).endedAt().orElseThrow();
        if (Objects.equals(forgetRequested.get(uploadId), endedAt)) return;
        forgetRequested.put(uploadId, endedAt);
        ForgetRequested request = ForgetRequested.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(uploadId).setTenant(session.opened.getTenant()).setTimestamp(Instant.ofEpochMilli(nowMillis))
                .setEndedAt(Instant.ofEpochMilli(endedAt)).build();
        context.forward(new Record<>(uploadId, (Object) new UploadRequest(request), nowMillis),
                SessionProcessorTopology.EXPIRY_REQUESTS_SINK);
    }

    private static RequestOutcome outcome(String requestId, RequestKind kind, boolean accepted, RejectionReason reason,
            String detail, List<Integer> missing, Instant at) {
        return new RequestOutcome(requestId, kind, accepted, reason, detail, missing, at);
    }

    private static byte[] parseSha(String hex) {
        if (hex == null) return null;
        try {
            return Sha256.fromHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
