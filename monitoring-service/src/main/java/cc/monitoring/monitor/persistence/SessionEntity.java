package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.monitor.domain.Bounded;
import cc.monitoring.monitor.domain.Extension;
import cc.monitoring.monitor.domain.ModeChange;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.contracts.monitoring.SessionState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "monitoring_session")
public class SessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "interaction_id")
    public String interactionId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "supervisor_id")
    public String supervisorId;
    @Column(name = "supervisor_name")
    public String supervisorName;
    @Column(name = "extension_label")
    public String extensionLabel;
    @Column(name = "extension_kind")
    public String extensionKind;
    @Column(name = "extension_address")
    public String extensionAddress;
    @Enumerated(EnumType.STRING)
    public SessionState state;
    @Enumerated(EnumType.STRING)
    public SessionMode mode;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;
    @Column(name = "end_detail")
    public String endDetail;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "pending_mode")
    public SessionMode pendingMode;
    @Column(name = "pending_reason")
    public String pendingReason;
    @Column(name = "pending_at")
    public Instant pendingAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "refused_mode")
    public SessionMode refusedMode;
    @Column(name = "refused_reason")
    public String refusedReason;
    @Column(name = "refused_at")
    public Instant refusedAt;
    /** The call a voice session's leg joins; null for digital sessions. */
    @Column(name = "call_id")
    public String callId;

    public Session toDomain() {
        Extension extension = extensionAddress == null ? null : new Extension(extensionLabel, extensionKind, extensionAddress);
        return new Session(sessionId, tenantId, interactionId, channel, supervisorId, supervisorName, extension, state,
                mode, endReason, endDetail, requestedAt, joinedAt, endedAt,
                pendingAt == null ? null : new ModeChange(pendingMode, pendingReason, pendingAt),
                refusedAt == null ? null : new ModeChange(refusedMode, refusedReason, refusedAt), callId);
    }

    /** Copies a session's state into this entity (new or managed). */
    public SessionEntity apply(Session session) {
        sessionId = session.id();
        tenantId = session.tenantId();
        interactionId = session.interactionId();
        channel = session.channel();
        supervisorId = session.supervisorId();
        supervisorName = session.supervisorName();
        if (session.extension() != null) {
            extensionLabel = session.extension().label();
            extensionKind = session.extension().kind();
            extensionAddress = session.extension().address();
        }
        state = session.state();
        mode = session.mode();
        endReason = session.endReason();
        endDetail = Bounded.text(session.endDetail(), 200);
        requestedAt = session.requestedAt();
        joinedAt = session.joinedAt();
        endedAt = session.endedAt();
        ModeChange pending = session.pending();
        pendingMode = pending == null ? null : pending.mode();
        pendingReason = pending == null ? null : Bounded.text(pending.reason(), 200);
        pendingAt = pending == null ? null : pending.at();
        ModeChange refusal = session.lastRefusal();
        refusedMode = refusal == null ? null : refusal.mode();
        refusedReason = refusal == null ? null : Bounded.text(refusal.reason(), 200);
        refusedAt = refusal == null ? null : refusal.at();
        callId = session.callId();
        return this;
    }
}
