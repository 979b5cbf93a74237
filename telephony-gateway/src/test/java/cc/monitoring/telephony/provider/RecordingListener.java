package cc.monitoring.telephony.provider;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.ModeRefusal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what a provider reported, as short strings such as {@code answered:leg-1}. */
public final class RecordingListener implements TelephonyListener {

    private final List<String> reports = new CopyOnWriteArrayList<>();

    public List<String> reports() {
        return List.copyOf(reports);
    }

    public boolean has(String report) {
        return reports.contains(report);
    }

    @Override
    public void legRinging(String legId, String providerLegRef) {
        reports.add("ringing:" + legId + ":" + providerLegRef);
    }

    @Override
    public void legAnswered(String legId) {
        reports.add("answered:" + legId);
    }

    @Override
    public void legFailed(String legId, LegFailure failure) {
        reports.add("failed:" + legId + ":" + failure);
    }

    @Override
    public void legModeChanged(String legId, LegMode mode) {
        reports.add("mode:" + legId + ":" + mode);
    }

    @Override
    public void legModeRefused(String legId, ModeRefusal reason) {
        reports.add("mode-refused:" + legId + ":" + reason);
    }

    @Override
    public void legEnded(String legId, LegEndReason reason) {
        reports.add("ended:" + legId + ":" + reason);
    }

    @Override
    public void callEnded(String callRef, EndedBy endedBy) {
        reports.add("call-ended:" + callRef + ":" + endedBy);
    }
}
