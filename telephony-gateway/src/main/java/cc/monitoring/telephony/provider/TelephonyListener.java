package cc.monitoring.telephony.provider;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.ModeRefusal;

/**
 * What a provider reports back to the gateway. Called from the provider's own threads; a report
 * that no longer applies (late, repeated, unknown leg) is ignored by the gateway.
 */
public interface TelephonyListener {

    /** The provider accepted the dial and names the leg {@code providerLegRef}. */
    void legRinging(String legId, String providerLegRef);

    /** The extension answered; the leg is in the conference, muted. */
    void legAnswered(String legId);

    void legFailed(String legId, LegFailure failure);

    /** The provider confirmed the leg's new mode (B29): only now is it the leg's mode. */
    void legModeChanged(String legId, LegMode mode);

    /** The provider refused, or could not carry out, a mode change; the leg keeps its mode (B29). */
    void legModeRefused(String legId, ModeRefusal reason);

    void legEnded(String legId, LegEndReason reason);

    /** The call (its conference) ended; {@code callRef} is the provider's name for it. */
    void callEnded(String callRef, EndedBy endedBy);
}
