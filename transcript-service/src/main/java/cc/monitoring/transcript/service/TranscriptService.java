package cc.monitoring.transcript.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.problem.DomainException;
import cc.monitoring.transcript.domain.Cursor;
import cc.monitoring.transcript.domain.InteractionId;
import cc.monitoring.transcript.domain.Message;
import cc.monitoring.transcript.domain.ReadAccess;
import cc.monitoring.transcript.domain.Transcript;
import cc.monitoring.transcript.domain.TranscriptNotFoundException;
import cc.monitoring.transcript.domain.TranscriptPage;
import cc.monitoring.transcript.persistence.AccessRepository;
import cc.monitoring.transcript.persistence.AccessRepository.ActiveSession;
import cc.monitoring.transcript.persistence.ReadPositionRepository.Position;
import cc.monitoring.transcript.persistence.TranscriptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reading transcripts: who may (B30, B06), the cursor read (B31) and the read position it moves (B11). */
@ApplicationScoped
@Transactional
public class TranscriptService {

    private final TranscriptRepository transcripts;
    private final AccessRepository access;
    private final ReadPositions positions;
    private final Clock clock;

    public TranscriptService(TranscriptRepository transcripts, AccessRepository access, ReadPositions positions,
                             Clock clock) {
        this.clock = clock;
        this.transcripts = transcripts;
        this.access = access;
        this.positions = positions;
    }

    /** The messages after the cursor; the caller's read position moves to the last one returned. */
    public TranscriptPage read(Caller caller, String interactionId, Cursor cursor) {
        Transcript transcript = accessible(caller.tenantId(), caller.userId(), interactionId);
        List<Message> found = transcripts.messagesAfter(interactionId, cursor.after(), cursor.limit());
        TranscriptPage page = TranscriptPage.of(transcript, cursor.after(), found);
        if (!page.messages().isEmpty()) {
            positions.delivered(caller.tenantId(), caller.userId(), interactionId, page.next());
        }
        return page;
    }

    public Position position(Caller caller, String interactionId) {
        accessible(caller.tenantId(), caller.userId(), interactionId);
        return positions.of(caller.tenantId(), caller.userId(), interactionId);
    }

    /**
     * The transcript if the viewer may read it now.
     *
     * @throws TranscriptNotFoundException for an unknown or another tenant's interaction
     * @throws cc.monitoring.transcript.domain.TranscriptNotPermittedException without an active session (B34)
     */
    public Transcript readable(String tenantId, String userId, String interactionId) {
        return accessible(tenantId, userId, interactionId);
    }

    /** Not intercepted: a refusal caught by {@link #next} must not mark the transaction for rollback. */
    private Transcript accessible(String tenantId, String userId, String interactionId) {
        if (!InteractionId.isValid(interactionId)) {
            throw new TranscriptNotFoundException(interactionId);
        }
        Optional<Transcript> stored = transcripts.find(interactionId);
        Optional<ActiveSession> session = access.activeSession(tenantId, interactionId, userId);
        // a voice interaction has no transcript: its monitor's session does not make one up
        boolean monitors = session.isPresent() && (stored.isPresent() || session.get().channel() == null
                || session.get().channel().isDigital());
        // B34: a review grant opens an ended transcript only, and only until it expires
        boolean reviewing = !monitors && stored.filter(Transcript::ended).isPresent()
                && access.reviewing(tenantId, interactionId, userId, clock.instant());
        new ReadAccess(tenantId, stored.map(Transcript::tenantId).orElse(null), monitors, reviewing)
                .require(interactionId);
        return stored.orElseGet(() -> Transcript.empty(interactionId, tenantId, session.get().channel()));
    }

    /** What an open stream sends next: up to {@code limit} messages after {@code after}; empty once not permitted. */
    public Optional<TranscriptPage> next(String tenantId, String userId, String interactionId, long after, int limit) {
        Transcript transcript;
        try {
            transcript = accessible(tenantId, userId, interactionId);
        } catch (DomainException refused) {
            // The interaction's end also ends the viewer's session; whichever of the two events this
            // service applied first, a stream that was open when the conversation ended gets its last
            // messages and "ended", not "closed".
            Optional<Transcript> ended = transcripts.find(interactionId)
                    .filter(t -> t.ended() && t.tenantId().equals(tenantId));
            if (ended.isEmpty()) {
                return Optional.empty();
            }
            transcript = ended.get();
        }
        // the header is read first: once it says ended, every message before the end is visible below
        return Optional.of(TranscriptPage.of(transcript, after, transcripts.messagesAfter(interactionId, after, limit)));
    }
}
