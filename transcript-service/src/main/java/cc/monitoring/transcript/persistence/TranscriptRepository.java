package cc.monitoring.transcript.persistence;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.transcript.domain.Message;
import cc.monitoring.transcript.domain.Transcript;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Transcripts and their messages. Writes are idempotent upserts (a repeated or re-sequenced duplicate
 * changes nothing); an interaction belongs to the tenant that first named it, and an event that names
 * it for another tenant is refused as poison (B06).
 */
@ApplicationScoped
public class TranscriptRepository {

    private final EntityManager em;

    public TranscriptRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Transcript> find(String interactionId) {
        return Optional.ofNullable(em.find(TranscriptEntity.class, interactionId)).map(TranscriptRepository::toDomain);
    }

    /** Up to {@code limit} messages after sequence {@code after}, in order. */
    public List<Message> messagesAfter(String interactionId, long after, int limit) {
        return MessageEntity.<MessageEntity>find("key.interactionId = ?1 and key.sequence > ?2",
                        Sort.by("key.sequence"), interactionId, after)
                .page(0, limit).list().stream()
                .map(TranscriptRepository::toDomain)
                .toList();
    }

    /** interaction-started of a digital channel: the transcript exists, with its channel. */
    public void started(String tenantId, String interactionId, Channel channel, Instant startedAt) {
        claim(tenantId, interactionId);
        em.createNativeQuery("update transcript set channel = ?2, started_at = ?3 where interaction_id = ?1")
                .setParameter(1, interactionId).setParameter(2, channel.name()).setParameter(3, startedAt)
                .executeUpdate();
    }

    /** Stores a message unless its sequence or its id is stored already; true if it is new. */
    public boolean add(MessagePosted message) {
        claim(message.tenantId(), message.interactionId());
        // the message and the transcript's last sequence in one statement (issue 13: round trips per message)
        return em.createNativeQuery("""
                        with added as (
                            insert into message (interaction_id, sequence, message_id, author_role, author_id, author_name,
                                text, posted_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                            on conflict do nothing
                            returning sequence)
                        update transcript set last_sequence = greatest(last_sequence, ?2)
                        where interaction_id = ?1 and exists (select 1 from added)""")
                .setParameter(1, message.interactionId()).setParameter(2, message.sequence())
                .setParameter(3, message.messageId()).setParameter(4, message.authorRole().name())
                .setParameter(5, message.authorId()).setParameter(6, message.authorName())
                .setParameter(7, message.text())
                .setParameter(8, message.postedAt() == null ? Instant.now() : message.postedAt())
                .executeUpdate() == 1;
    }

    /** interaction-ended: true if this ended it (an end is final; a repeated one changes nothing). */
    public boolean end(String tenantId, String interactionId, Instant endedAt) {
        claim(tenantId, interactionId);
        return em.createNativeQuery("update transcript set ended_at = ?2 where interaction_id = ?1 and ended_at is null")
                .setParameter(1, interactionId).setParameter(2, endedAt)
                .executeUpdate() == 1;
    }

    /** Creates the transcript for {@code tenantId} if new; refuses an interaction another tenant named first. */
    private void claim(String tenantId, String interactionId) {
        // one round trip: the inserted row, or else the stored one
        List<?> claimed = em.createNativeQuery("""
                        with claimed as (
                            insert into transcript (interaction_id, tenant_id) values (?1, ?2)
                            on conflict (interaction_id) do nothing
                            returning tenant_id)
                        select tenant_id from claimed
                        union all select tenant_id from transcript where interaction_id = ?1""")
                .setParameter(1, interactionId).setParameter(2, tenantId)
                .getResultList();
        // empty only when another transaction inserted it while this statement ran (its snapshot is older)
        Object owner = claimed.isEmpty()
                ? em.createNativeQuery("select tenant_id from transcript where interaction_id = ?1")
                        .setParameter(1, interactionId).getSingleResult()
                : claimed.get(0);
        if (!tenantId.equals(owner)) {
            throw new IllegalArgumentException("interaction " + interactionId + " belongs to another tenant");
        }
    }

    private static Transcript toDomain(TranscriptEntity t) {
        return new Transcript(t.interactionId, t.tenantId, t.channel == null ? null : Channel.valueOf(t.channel),
                t.endedAt != null, t.lastSequence);
    }

    private static Message toDomain(MessageEntity m) {
        return new Message(m.key.sequence(), m.messageId, ParticipantRole.valueOf(m.authorRole), m.authorId,
                m.authorName, m.text, m.postedAt);
    }
}
