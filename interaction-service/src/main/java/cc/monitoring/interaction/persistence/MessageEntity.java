package cc.monitoring.interaction.persistence;

import cc.monitoring.contracts.interaction.ParticipantRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A message of a digital conversation, as posted. */
@Entity
@Table(name = "message")
public class MessageEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_role", nullable = false)
    public ParticipantRole authorRole;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(nullable = false)
    public String text;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Embeddable
    public record Key(@Column(name = "interaction_id") UUID interactionId, @Column(name = "sequence") long sequence)
            implements Serializable {
    }
}
