package cc.monitoring.transcript.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One message of a transcript, keyed by interaction and sequence. */
@Entity
@Table(name = "message")
public class MessageEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(nullable = false)
    public String text;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Embeddable
    public record Key(@Column(name = "interaction_id") String interactionId, @Column(name = "sequence") long sequence)
            implements Serializable {
    }
}
