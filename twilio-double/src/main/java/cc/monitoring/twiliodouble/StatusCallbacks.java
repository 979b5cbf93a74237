package cc.monitoring.twiliodouble;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status callbacks Twilio sends, with the parameters it sends: a participant's call progress
 * ({@code StatusCallback} of the create request, {@code CallStatus}, {@code SequenceNumber} from 0) and the
 * conference's events ({@code statusCallback} of the conference, {@code StatusCallbackEvent},
 * {@code SequenceNumber} from 1), each only when its event was subscribed to. Called with the engine's lock
 * held; the callbacks are queued, never sent here.
 */
final class StatusCallbacks {

    private final Webhooks webhooks;
    private final Clock clock;

    StatusCallbacks(Webhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    void call(CallLeg call, String event, String callStatus) {
        if (call.statusCallback == null || !call.statusCallbackEvents.contains(event)) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        Engine.put(params, "AccountSid", call.accountSid);
        Engine.put(params, "ApiVersion", Engine.API_VERSION);
        Engine.put(params, "CallSid", call.sid);
        Engine.put(params, "CallStatus", callStatus);
        Engine.put(params, "CallbackSource", "call-progress-events");
        Engine.put(params, "Called", call.to);
        Engine.put(params, "Caller", call.from);
        Engine.put(params, "Direction", call.direction);
        Engine.put(params, "From", call.from);
        Engine.put(params, "To", call.to);
        Engine.put(params, "SequenceNumber", String.valueOf(call.sequence++));
        Engine.put(params, "Timestamp", Engine.RFC_2822.format(clock.instant()));
        if ("completed".equals(event)) {
            long seconds = call.started == null ? 0 : Duration.between(call.started, call.ended).toSeconds();
            Engine.put(params, "CallDuration", String.valueOf(seconds));
            Engine.put(params, "Duration", String.valueOf((seconds + 59) / 60));
        }
        if (call.participant != null) {
            Engine.put(params, "ConferenceSid", call.participant.conference.sid);
        }
        webhooks.enqueue(new Webhooks.Outgoing(call.accountSid, "participant-status", call.statusCallback, params));
    }

    void conference(Conference c, String event, Participant p) {
        conference(c, event, p, Map.of());
    }

    void conference(Conference c, String event, Participant p, Map<String, List<String>> extra) {
        String subscription = switch (event) {
            case "conference-start" -> "start";
            case "conference-end" -> "end";
            case "participant-join" -> "join";
            case "participant-leave" -> "leave";
            case "participant-mute", "participant-unmute" -> "mute";
            case "participant-hold", "participant-unhold" -> "hold";
            case "participant-modify" -> "modify";
            default -> event;
        };
        if (c.statusCallback == null || !c.statusCallbackEvents.contains(subscription)) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        Engine.put(params, "AccountSid", c.accountSid);
        Engine.put(params, "ConferenceSid", c.sid);
        Engine.put(params, "FriendlyName", c.friendlyName);
        Engine.put(params, "StatusCallbackEvent", event);
        Engine.put(params, "SequenceNumber", String.valueOf(++c.sequence));
        Engine.put(params, "Timestamp", Engine.RFC_2822.format(clock.instant()));
        if (p != null) {
            Engine.put(params, "CallSid", p.call.sid);
            if (p.label != null) {
                Engine.put(params, "ParticipantLabel", p.label);
            }
            Engine.put(params, "Muted", String.valueOf(p.muted));
            Engine.put(params, "Hold", String.valueOf(p.hold));
            Engine.put(params, "Coaching", String.valueOf(p.coaching));
            if (p.callSidToCoach != null) {
                Engine.put(params, "CallSidToCoach", p.callSidToCoach);
            }
            Engine.put(params, "EndConferenceOnExit", String.valueOf(p.endConferenceOnExit));
            Engine.put(params, "StartConferenceOnEnter", String.valueOf(p.startConferenceOnEnter));
        }
        extra.forEach((k, v) -> params.put(k, v));
        webhooks.enqueue(new Webhooks.Outgoing(c.accountSid, "conference-status", c.statusCallback, params));
    }
}
