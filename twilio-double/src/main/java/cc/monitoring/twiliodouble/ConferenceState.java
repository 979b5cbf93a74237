package cc.monitoring.twiliodouble;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A conference as the double sees it: Twilio's status ({@code init}, {@code in-progress},
 * {@code completed}), its participants (connected or still being dialed) and who hears whom.
 *
 * @param hears for each connected participant's CallSid, the CallSids it hears
 */
public record ConferenceState(String accountSid, String sid, String friendlyName, String status,
                              List<ParticipantState> participants, Map<String, Set<String>> hears) {

    public Optional<ParticipantState> participant(String callSidOrLabel) {
        return participants.stream()
                .filter(p -> p.callSid().equals(callSidOrLabel) || callSidOrLabel.equals(p.label()))
                .findFirst();
    }
}
