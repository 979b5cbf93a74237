package cc.monitoring.transcript.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An interaction's transcript header. Written by the consumers' native upserts, read through Panache. */
@Entity
@Table(name = "transcript")
public class TranscriptEntity extends PanacheEntityBase {

    @Id
    @Column(name = "interaction_id")
    public String interactionId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    public String channel;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
}
