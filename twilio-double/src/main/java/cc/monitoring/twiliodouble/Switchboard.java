package cc.monitoring.twiliodouble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How calls and conferences change, as Twilio changes them, and the callbacks each change causes:
 * dialing and answering, obeying TwiML, joining (and starting) a conference, leaving (and ending) it,
 * hanging up, and who hears whom. Every method is called with the engine's lock held.
 */
final class Switchboard {

    private final Engine engine;
    private final Map<String, Conference> conferences;
    private final Endpoints endpoints;
    private final StatusCallbacks callbacks;
    private final Webhooks webhooks;

    Switchboard(Engine engine, Map<String, Conference> conferences, Endpoints endpoints, StatusCallbacks callbacks,
                Webhooks webhooks) {
        this.engine = engine;
        this.conferences = conferences;
        this.endpoints = endpoints;
        this.callbacks = callbacks;
        this.webhooks = webhooks;
    }

    Optional<Conference> activeConference(String accountSid, String friendlyName) {
        return conferences.values().stream()
                .filter(c -> c.accountSid.equals(accountSid) && c.active() && c.friendlyName.equals(friendlyName))
                .findFirst();
    }

    /**
     * Who {@code listener} hears: nobody before the conference starts or while on hold; otherwise every
     * other connected participant neither muted nor on hold, except a coach, heard only by the one it coaches.
     */
    Set<String> hears(Participant listener) {
        Conference c = listener.conference;
        if (!"in-progress".equals(c.status) || !listener.connected() || listener.hold) {
            return Set.of();
        }
        Set<String> heard = new LinkedHashSet<>();
        for (Participant speaker : c.connected()) {
            if (speaker == listener || speaker.muted || speaker.hold) {
                continue;
            }
            if (speaker.coaching && !listener.call.sid.equals(speaker.callSidToCoach)) {
                continue;
            }
            heard.add(speaker.call.sid);
        }
        return Set.copyOf(heard);
    }

    void dial(CallLeg call) {
        if (call.ended() || !"queued".equals(call.status)) {
            return;
        }
        Participant p = call.participant;
        if (p != null) {
            p.status = "connecting";
        }
        callbacks.call(call, "initiated", "initiated");
        call.status = "ringing";
        call.updated = engine.now();
        if (p != null) {
            p.status = "ringing";
            p.updated = engine.now();
        }
        callbacks.call(call, "ringing", "ringing");
        switch (endpoints.answerMode(call.address())) {
            case AUTO -> answered(call);
            case MANUAL -> {
                // rings until the test answers it, or it is canceled
            }
            case BUSY -> failed(call, "busy");
            case NO_ANSWER -> failed(call, "no-answer");
        }
    }

    void answered(CallLeg call) {
        call.status = "in-progress";
        call.started = engine.now();
        call.updated = call.started;
        callbacks.call(call, "answered", "in-progress");
        Participant p = call.participant;
        if (p != null) {
            if (p.conference.active()) {
                join(p);
            } else {
                finish(call, "completed");
            }
        } else if (call.answerTwiml != null) {
            obey(call, call.answerTwiml);
        } else if (call.answerUrl != null) {
            fetchTwiml(call, call.answerUrl);
        }
    }

    /** Asks {@code url} for the call's TwiML (a signed POST, as for a Voice URL) and obeys the answer. */
    void fetchTwiml(CallLeg call, String url) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Engine.put(params, "AccountSid", call.accountSid);
        Engine.put(params, "ApiVersion", Engine.API_VERSION);
        Engine.put(params, "CallSid", call.sid);
        Engine.put(params, "CallStatus", call.status);
        Engine.put(params, "Called", call.to);
        Engine.put(params, "Caller", call.from);
        Engine.put(params, "Direction", call.direction);
        Engine.put(params, "From", call.from);
        Engine.put(params, "To", call.to);
        webhooks.enqueue(call.accountSid, () -> {
            Callback answer = webhooks.send(new Webhooks.Outgoing(call.accountSid, "voice", url, params));
            synchronized (engine) {
                obey(call, answer.status() / 100 == 2 ? answer.body() : null);
            }
        });
    }

    void failed(CallLeg call, String status) {
        Participant p = call.participant;
        if (p != null) {
            p.status = "failed";
            p.conference.participants.remove(call.sid);
            endIfAbandoned(p.conference);
        }
        finish(call, status);
    }

    /** Obeys the TwiML the application answered; null (no answer, an error status) ends the call. */
    void obey(CallLeg call, String twiml) {
        if (call.ended()) {
            return;
        }
        List<TwiML.Verb> verbs;
        try {
            verbs = twiml == null ? List.of() : TwiML.parse(twiml);
        } catch (TwiML.Invalid e) {
            verbs = List.of();
        }
        for (TwiML.Verb verb : verbs) {
            switch (verb.name()) {
                case "Dial" -> {
                    Optional<TwiML.Verb> noun = verb.nouns().stream().filter(n -> "Conference".equals(n.name())).findFirst();
                    if (noun.isPresent() && joinFromTwiml(call, noun.get())) {
                        return;
                    }
                }
                case "Hangup" -> {
                    finish(call, "completed");
                    return;
                }
                case "Reject" -> {
                    // Twilio reports a rejected call as busy, whatever the reason attribute (a guess, see README)
                    finish(call, "busy");
                    return;
                }
                default -> {
                    // <Say>, <Play>, <Pause> and the rest only play something: the call is answered
                    answerInbound(call);
                }
            }
        }
        finish(call, "completed");
    }

    private void answerInbound(CallLeg call) {
        if ("ringing".equals(call.status) || "queued".equals(call.status)) {
            call.status = "in-progress";
            call.started = engine.now();
            call.updated = call.started;
        }
    }

    /** {@code <Dial><Conference>}: false when the call cannot join (label in use: Twilio's 16025), so TwiML goes on. */
    private boolean joinFromTwiml(CallLeg call, TwiML.Verb noun) {
        String name = noun.text();
        Conference conference = activeConference(call.accountSid, name).orElse(null);
        String label = noun.attributes().get("participantLabel");
        if (label != null && conference != null && conference.participant(label).isPresent()) {
            return false;
        }
        answerInbound(call);
        if (conference == null) {
            conference = new Conference(engine.sid("CF"), call.accountSid, name, engine.now());
            conference.statusCallback = noun.attributes().get("statusCallback");
            conference.statusCallbackEvents = Engine.events(
                    noun.attributes().containsKey("statusCallbackEvent")
                            ? List.of(noun.attributes().get("statusCallbackEvent")) : List.of(),
                    Engine.DEFAULT_CONFERENCE_EVENTS);
            conferences.put(conference.sid, conference);
        }
        Participant p = new Participant(call, conference, label, engine.now());
        p.muted = Boolean.parseBoolean(noun.attribute("muted", "false"));
        p.startConferenceOnEnter = Boolean.parseBoolean(noun.attribute("startConferenceOnEnter", "true"));
        p.endConferenceOnExit = Boolean.parseBoolean(noun.attribute("endConferenceOnExit", "false"));
        p.beep = noun.attribute("beep", "true");
        String coach = noun.attributes().get("coach");
        if (coach != null && conference.participants.containsKey(coach)) {
            p.coaching = true;
            p.callSidToCoach = coach;
        }
        call.participant = p;
        conference.participants.put(call.sid, p);
        join(p);
        return true;
    }

    /** A participant's update was applied: mute, then hold, then modify (coaching) events, as they changed. */
    void updated(Participant p, boolean muteChanged, boolean holdChanged, boolean modified) {
        if (!p.connected()) {
            return;
        }
        if (muteChanged) {
            callbacks.conference(p.conference, p.muted ? "participant-mute" : "participant-unmute", p);
        }
        if (holdChanged) {
            callbacks.conference(p.conference, p.hold ? "participant-hold" : "participant-unhold", p);
        }
        if (modified) {
            callbacks.conference(p.conference, "participant-modify", p);
        }
    }

    void join(Participant p) {
        Conference c = p.conference;
        p.status = "connected";
        p.updated = engine.now();
        c.updated = p.updated;
        // Twilio: the conference starts when a participant with startConferenceOnEnter joins someone already there
        if ("init".equals(c.status) && p.startConferenceOnEnter && c.connected().size() >= 2) {
            c.status = "in-progress";
            callbacks.conference(c, "conference-start", null);
        }
        callbacks.conference(c, "participant-join", p);
    }

    /** Hangs up a call whatever its state; {@code kicked} when the API (not the person) ended it. */
    void hangUpLocked(CallLeg call, boolean kicked) {
        if (call.ended()) {
            return;
        }
        if (!"in-progress".equals(call.status)) {
            Participant p = call.participant;
            if (p != null) {
                p.status = "failed";
                p.conference.participants.remove(call.sid);
                endIfAbandoned(p.conference);
            }
            finish(call, "canceled");
            return;
        }
        List<CallLeg> ended = new ArrayList<>();
        Participant p = call.participant;
        if (p != null && p.connected()) {
            leave(p, kicked, ended);
        } else {
            ended.add(call);
        }
        for (CallLeg leg : ended) {
            finish(leg, "completed");
        }
    }

    /** The participant leaves; the conference ends after it when it was the last or ended it. */
    void leave(Participant p, boolean kicked, List<CallLeg> ended) {
        Conference c = p.conference;
        c.participants.remove(p.call.sid);
        p.status = "complete";
        p.updated = engine.now();
        callbacks.conference(c, "participant-leave", p);
        ended.add(p.call);
        if (!c.active()) {
            return;
        }
        if (p.endConferenceOnExit) {
            end(c, kicked ? "participant-with-end-conference-on-exit-kicked" : "participant-with-end-conference-on-exit-left",
                    p, ended);
        } else if (c.connected().isEmpty()) {
            end(c, kicked ? "last-participant-kicked" : "last-participant-left", p, ended);
        }
    }

    /**
     * Ends the conference: every other participant leaves (participant-leave each), then conference-end;
     * the calls that were in it end after that ({@code ended}, or at once when null).
     */
    void end(Conference c, String reason, Participant ending, List<CallLeg> ended) {
        boolean finishHere = ended == null;
        List<CallLeg> calls = finishHere ? new ArrayList<>() : ended;
        c.status = "completed";
        c.reasonEnded = reason;
        c.callSidEnding = ending == null ? null : ending.call.sid;
        c.updated = engine.now();
        for (Participant q : new ArrayList<>(c.participants.values())) {
            c.participants.remove(q.call.sid);
            if (q.connected()) {
                q.status = "complete";
                q.updated = engine.now();
                callbacks.conference(c, "participant-leave", q);
                calls.add(q.call);
            } else {
                q.status = "failed";
                calls.add(q.call);
            }
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        if (ending != null) {
            Engine.put(extra, "CallSidEndingConference", ending.call.sid);
            if (ending.label != null) {
                Engine.put(extra, "ParticipantLabelEndingConference", ending.label);
            }
        }
        Engine.put(extra, "ReasonConferenceEnded", reason);
        Engine.put(extra, "Reason", reasonText(reason, ending));
        callbacks.conference(c, "conference-end", null, extra);
        if (finishHere) {
            for (CallLeg leg : calls) {
                finish(leg, "in-progress".equals(leg.status) ? "completed" : "canceled");
            }
        }
    }

    /** A conference whose last would-be participant failed to join ends without having started. */
    void endIfAbandoned(Conference c) {
        if (c.active() && c.participants.isEmpty()) {
            c.status = "completed";
            c.reasonEnded = "last-participant-left";
            c.updated = engine.now();
        }
    }

    void finish(CallLeg call, String status) {
        if (call.ended()) {
            return;
        }
        if ("completed".equals(status) && !"in-progress".equals(call.status) && !"inbound".equals(call.direction)) {
            status = "canceled"; // an outbound call never answered ends canceled, not completed
        }
        call.status = status;
        call.ended = engine.now();
        call.updated = call.ended;
        if (call.participant != null && call.participant.conference.participants.get(call.sid) == call.participant) {
            call.participant.conference.participants.remove(call.sid);
            call.participant.status = "complete";
        }
        callbacks.call(call, "completed", status);
    }

    private static String reasonText(String reason, Participant ending) {
        String who = ending == null ? "" : "Participant " + ending.call.sid + " ";
        return switch (reason) {
            case "participant-with-end-conference-on-exit-left" -> who + "with endConferenceOnExit left the conference";
            case "participant-with-end-conference-on-exit-kicked" -> who + "with endConferenceOnExit was kicked";
            case "last-participant-left" -> "Last participant left the conference";
            case "last-participant-kicked" -> "Last participant was kicked";
            default -> "Conference ended via API";
        };
    }
}
