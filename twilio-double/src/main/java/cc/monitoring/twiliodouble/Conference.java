package cc.monitoring.twiliodouble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A Conference resource: init until it starts, in-progress, then completed for good. */
final class Conference {

    final String sid;
    final String accountSid;
    final String friendlyName;
    final Instant created;
    Instant updated;
    /** init, in-progress, completed. */
    String status = "init";
    /** The conference's statusCallback, from the first participant that created it, or null. */
    String statusCallback;
    Set<String> statusCallbackEvents = Set.of();
    int sequence;
    String reasonEnded;
    String callSidEnding;
    /** Participants being dialed or connected, in the order they were added; removed when they leave. */
    final Map<String, Participant> participants = new LinkedHashMap<>();

    Conference(String sid, String accountSid, String friendlyName, Instant now) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.friendlyName = friendlyName;
        this.created = now;
        this.updated = now;
    }

    boolean active() {
        return !"completed".equals(status);
    }

    /** By CallSid or, as Twilio allows in the path, by label. */
    Optional<Participant> participant(String callSidOrLabel) {
        Participant bySid = participants.get(callSidOrLabel);
        if (bySid != null) {
            return Optional.of(bySid);
        }
        return participants.values().stream().filter(p -> callSidOrLabel.equals(p.label)).findFirst();
    }

    List<Participant> connected() {
        List<Participant> result = new ArrayList<>();
        for (Participant p : participants.values()) {
            if (p.connected()) {
                result.add(p);
            }
        }
        return result;
    }
}
