package cc.monitoring.telephony.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A call that entered through Twilio's Voice webhook: its conference, and its phone_call once the agent joined. */
@Entity
@Table(name = "twilio_conference")
public class TwilioConferenceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "friendly_name")
    public String friendlyName;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "account_sid", nullable = false)
    public String accountSid;

    @Column(name = "caller_call_sid", nullable = false)
    public String callerCallSid;

    @Column(name = "customer_number", nullable = false)
    public String customerNumber;

    @Column(name = "flow_id", nullable = false)
    public String flowId;

    @Column(name = "conference_sid")
    public String conferenceSid;

    @Column(name = "call_id")
    public String callId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
