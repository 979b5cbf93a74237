package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * B40/B41: who (actor: a user, or the system naming the affected supervisor as subject) did what to
 * which interaction, when, with which outcome, from where. Column sizes are in {@link #MAX}.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecordEntity extends PanacheEntityBase {

    /** Column sizes of audit_record (V1, V3): every value is bounded to them before it is written. */
    public static final class MAX {
        public static final int TENANT = 100;
        public static final int USER_ID = 255;
        public static final int NAME = 200;
        public static final int ID = 64;
        public static final int DETAIL = 500;
        public static final int PROBLEM_TYPE = 64;
        public static final int ADDRESS = 64;
        public static final int USER_AGENT = 300;
        public static final int REQUEST_ID = 64;

        private MAX() {
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "tenant_id")
    public String tenantId;
    public Instant at;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_name")
    public String actorName;
    /** The supervisor the record is about: the actor itself, or the one whose session the system changed. */
    @Column(name = "subject_id")
    public String subjectId;
    public String action;
    public String outcome;
    @Column(name = "problem_type")
    public String problemType;
    @Column(name = "interaction_id")
    public String interactionId;
    @Column(name = "session_id")
    public String sessionId;
    public String detail;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "peer_address")
    public String peerAddress;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "request_id")
    public String requestId;
}
