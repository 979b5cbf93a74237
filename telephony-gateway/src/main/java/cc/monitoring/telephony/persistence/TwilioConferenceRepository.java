package cc.monitoring.telephony.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

/** Calls that entered through Twilio, and the order of Twilio's callbacks. Scoped by tenant. */
@ApplicationScoped
public class TwilioConferenceRepository implements PanacheRepositoryBase<TwilioConferenceEntity, String> {

    /** Records the call unless the Voice webhook was called for it before (Twilio retries). */
    public void insertIfNew(TwilioConferenceEntity conference) {
        getEntityManager().createNativeQuery("""
                        insert into twilio_conference (friendly_name, tenant_id, account_sid, caller_call_sid,
                                                       customer_number, flow_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, now())
                        on conflict (friendly_name) do nothing""")
                .setParameter(1, conference.friendlyName)
                .setParameter(2, conference.tenantId)
                .setParameter(3, conference.accountSid)
                .setParameter(4, conference.callerCallSid)
                .setParameter(5, conference.customerNumber)
                .setParameter(6, conference.flowId)
                .executeUpdate();
    }

    /** The tenant's conference named {@code friendlyName}, locked for the change that follows. */
    public Optional<TwilioConferenceEntity> ofTenantForUpdate(String tenantId, String friendlyName) {
        return find("friendlyName = ?1 and tenantId = ?2", friendlyName, tenantId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<TwilioConferenceEntity> bySidForUpdate(String tenantId, String conferenceSid) {
        return find("conferenceSid = ?1 and tenantId = ?2", conferenceSid, tenantId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Whether a callback numbered {@code sequence} in {@code scope} is newer than every one applied before;
     * if so it is recorded as the newest, in the caller's transaction. The primary key decides, not a check
     * before: of two copies of one callback, only one is applied.
     */
    public boolean newerCallback(String scope, long sequence) {
        return getEntityManager().createNativeQuery("""
                        insert into twilio_callback_order (scope, sequence_number) values (?1, ?2)
                        on conflict (scope) do update set sequence_number = excluded.sequence_number, updated_at = now()
                        where twilio_callback_order.sequence_number < excluded.sequence_number""")
                .setParameter(1, scope)
                .setParameter(2, sequence)
                .executeUpdate() == 1;
    }
}
