package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** Who takes part in an interaction, kept current from participant-joined/left (B32). */
@Entity
@Table(name = "participant")
public class ParticipantEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String role;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "left_at")
    public Instant leftAt;

    @Embeddable
    public record Key(@Column(name = "interaction_id") String interactionId,
                      @Column(name = "participant_id") String participantId) implements Serializable {
    }
}
