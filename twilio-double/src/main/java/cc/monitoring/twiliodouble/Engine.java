package cc.monitoring.twiliodouble;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The state of the double's Twilio: calls, conferences, participants, and the callbacks each change
 * causes, queued in the order of the changes (one queue per account). Every method holds the engine's
 * lock while it changes state and never while a request to the application is under way.
 */
final class Engine {

    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    static final Pattern CONFERENCE_SID = Pattern.compile("CF[0-9a-fA-F]{32}");
    static final String API_VERSION = "2010-04-01";
    /** Participant status callbacks Twilio sends when StatusCallbackEvent is not given. */
    static final Set<String> DEFAULT_CALL_EVENTS = Set.of("completed");
    /** Conference status callbacks sent when statusCallbackEvent is not given (a guess, see README). */
    static final Set<String> DEFAULT_CONFERENCE_EVENTS = Set.of("start", "end");

    private final Map<String, TwilioDouble.Account> accounts = new LinkedHashMap<>();
    private final Map<String, CallLeg> calls = new LinkedHashMap<>();
    private final Map<String, Conference> conferences = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration settleLimit;
    final Webhooks webhooks;
    final Endpoints endpoints;

    Engine(List<TwilioDouble.Account> accounts, Clock clock, Duration callbackTimeout) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (TwilioDouble.Account account : accounts) {
            this.accounts.put(account.sid(), account);
            tokens.put(account.sid(), account.authToken());
        }
        this.clock = clock;
        this.settleLimit = callbackTimeout.multipliedBy(8);
        this.webhooks = new Webhooks(tokens, callbackTimeout);
        this.endpoints = new Endpoints(this);
    }

    // ---------------------------------------------------------------- accounts and lookups

    Optional<TwilioDouble.Account> account(String sid) {
        return Optional.ofNullable(accounts.get(sid));
    }

    TwilioDouble.Account requireAccount(String sid) {
        return account(sid).orElseThrow(() -> new IllegalArgumentException("unknown account " + sid));
    }

    synchronized CallLeg call(String accountSid, String callSid, String path) {
        CallLeg call = calls.get(callSid);
        if (call == null || !call.accountSid.equals(accountSid)) {
            throw TwilioError.notFound(path);
        }
        return call;
    }

    synchronized List<CallLeg> calls(String accountSid) {
        return calls.values().stream().filter(c -> c.accountSid.equals(accountSid)).toList();
    }

    synchronized Conference conference(String accountSid, String conferenceSid, String path) {
        Conference conference = conferences.get(conferenceSid);
        if (conference == null || !conference.accountSid.equals(accountSid)) {
            throw TwilioError.notFound(path);
        }
        return conference;
    }

    synchronized List<Conference> conferences(String accountSid) {
        return conferences.values().stream().filter(c -> c.accountSid.equals(accountSid)).toList();
    }

    synchronized Participant participant(String accountSid, String conferenceSid, String callSidOrLabel, String path) {
        return conference(accountSid, conferenceSid, path).participant(callSidOrLabel)
                .orElseThrow(() -> TwilioError.notFound(path));
    }

    synchronized List<Participant> participants(String accountSid, String conferenceSid, String path) {
        return List.copyOf(conference(accountSid, conferenceSid, path).participants.values());
    }

    private Optional<Conference> activeConference(String accountSid, String friendlyName) {
        return conferences.values().stream()
                .filter(c -> c.accountSid.equals(accountSid) && c.active() && c.friendlyName.equals(friendlyName))
                .findFirst();
    }

    // ---------------------------------------------------------------- what people do (test API)

    /** A caller dials the account's number: Twilio asks the Voice URL for TwiML and obeys it. */
    String placeInboundCall(String accountSid, String from, String to) {
        TwilioDouble.Account account = requireAccount(accountSid);
        CallLeg call;
        synchronized (this) {
            call = new CallLeg(sid("CA"), accountSid, from, to, "inbound", now(), "ringing");
            calls.put(call.sid, call);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "AccountSid", accountSid);
        put(params, "ApiVersion", API_VERSION);
        put(params, "CallSid", call.sid);
        put(params, "CallStatus", "ringing");
        put(params, "Called", to);
        put(params, "Caller", from);
        put(params, "Direction", "inbound");
        put(params, "From", from);
        put(params, "To", to);
        webhooks.enqueue(accountSid, () -> {
            Callback answer = webhooks.send(new Webhooks.Outgoing(accountSid, "voice", account.voiceUrl(), params));
            synchronized (this) {
                obey(call, answer.status() / 100 == 2 ? answer.body() : null);
            }
        });
        webhooks.settle(accountSid, settleLimit);
        return call.sid;
    }

    /**
     * What a contact-center router does when an agent accepts the task: the agent's address is dialed
     * as a participant of the caller's conference, labelled {@code agent}.
     */
    String connectAgent(String accountSid, String conferenceNameOrSid, String address) {
        requireAccount(accountSid);
        CallLeg call;
        synchronized (this) {
            Conference conference = Optional.ofNullable(conferences.get(conferenceNameOrSid))
                    .filter(c -> c.accountSid.equals(accountSid) && c.active())
                    .or(() -> activeConference(accountSid, conferenceNameOrSid))
                    .orElseThrow(() -> new IllegalArgumentException("no active conference " + conferenceNameOrSid));
            if (conference.participant("agent").isPresent()) {
                throw new IllegalStateException("the conference already has a participant labelled agent");
            }
            String from = conference.participants.values().stream().findFirst().map(p -> p.call.to).orElse("+15005550006");
            call = new CallLeg(sid("CA"), accountSid, from, address, "outbound-api", now(), "queued");
            calls.put(call.sid, call);
            Participant agent = new Participant(call, conference, "agent", now());
            agent.startConferenceOnEnter = true;
            agent.endConferenceOnExit = false;
            agent.beep = "true";
            call.participant = agent;
            conference.participants.put(call.sid, agent);
        }
        startDialing(call);
        webhooks.settle(accountSid, settleLimit);
        return call.sid;
    }

    /** The person on {@code callSid} hangs up (or, while it rings, the call is canceled). */
    void hangUp(String callSid) {
        String accountSid;
        synchronized (this) {
            CallLeg call = calls.get(callSid);
            if (call == null) {
                throw new IllegalArgumentException("unknown call " + callSid);
            }
            accountSid = call.accountSid;
            hangUpLocked(call, false);
        }
        webhooks.settle(accountSid, settleLimit);
    }

    void endConference(String accountSid, String conferenceSid) {
        synchronized (this) {
            Conference conference = conferences.get(conferenceSid);
            if (conference == null || !conference.accountSid.equals(accountSid)) {
                throw new IllegalArgumentException("unknown conference " + conferenceSid);
            }
            if (conference.active()) {
                end(conference, "conference-ended-via-api", null, null);
            }
        }
        webhooks.settle(accountSid, settleLimit);
    }

    /** Answers (or lets time out) every call ringing at {@code address}. */
    int answerRinging(String address, boolean answer) {
        List<String> touched = new ArrayList<>();
        synchronized (this) {
            for (CallLeg call : new ArrayList<>(calls.values())) {
                if ("ringing".equals(call.status) && !"inbound".equals(call.direction) && address.equals(call.address())) {
                    if (answer) {
                        answered(call);
                    } else {
                        failed(call, "no-answer");
                    }
                    touched.add(call.accountSid);
                }
            }
        }
        touched.stream().distinct().forEach(sid -> webhooks.settle(sid, settleLimit));
        return touched.size();
    }

    void settle(String accountSid) {
        webhooks.settle(accountSid, settleLimit);
    }

    void settleAll() {
        accounts.keySet().forEach(this::settle);
    }

    // ---------------------------------------------------------------- REST: calls

    /** Calls.json POST: an outbound call that obeys {@code Twiml} or the TwiML at {@code Url} once answered. */
    synchronized CallLeg createCall(String accountSid, Form form) {
        String to = form.required("To");
        String from = form.required("From");
        String twiml = form.first("Twiml");
        String url = form.first("Url");
        if (twiml == null && url == null && form.first("ApplicationSid") == null) {
            throw new TwilioError(400, 21205, "Url parameter is required");
        }
        CallLeg call = new CallLeg(sid("CA"), accountSid, from, to, "outbound-api", now(), "queued");
        call.answerTwiml = twiml;
        call.answerUrl = url;
        statusCallback(call, form);
        calls.put(call.sid, call);
        return call;
    }

    /** Calls/{Sid}.json POST: {@code Status=completed} hangs up, {@code Status=canceled} cancels a call not yet answered. */
    synchronized CallLeg updateCall(CallLeg call, Form form) {
        String status = form.first("Status");
        if (status != null) {
            switch (status) {
                case "completed" -> hangUpLocked(call, true);
                case "canceled" -> {
                    if ("queued".equals(call.status) || "ringing".equals(call.status)) {
                        hangUpLocked(call, true);
                    }
                }
                default -> throw TwilioError.invalid("Status", status);
            }
        }
        String twiml = form.first("Twiml");
        if (twiml != null && !call.ended()) {
            if (call.participant != null && call.participant.connected()) {
                leave(call.participant, false, new ArrayList<>());
            }
            obey(call, twiml);
        }
        call.updated = now();
        return call;
    }

    synchronized void deleteCall(CallLeg call, String path) {
        if (!call.ended()) {
            throw new TwilioError(400, 20009, "Cannot delete a call that is not completed");
        }
        calls.remove(call.sid);
    }

    // ---------------------------------------------------------------- REST: conferences and participants

    synchronized Conference updateConference(Conference conference, Form form) {
        String status = form.first("Status");
        if (status != null) {
            if (!"completed".equals(status)) {
                throw TwilioError.invalid("Status", status);
            }
            if (conference.active()) {
                end(conference, "conference-ended-via-api", null, null);
            }
        }
        return conference;
    }

    /**
     * Participants.json POST. {@code conferenceSidOrName} is a ConferenceSid, or a FriendlyName: then the
     * active conference of that name, created if there is none (with the Conference* parameters).
     */
    synchronized Participant createParticipant(String accountSid, String conferenceSidOrName, Form form, String path) {
        String from = form.required("From");
        String to = form.required("To");
        Conference conference;
        if (CONFERENCE_SID.matcher(conferenceSidOrName).matches()) {
            conference = conference(accountSid, conferenceSidOrName, path);
            if (!conference.active()) {
                throw TwilioError.notFound(path);
            }
        } else {
            conference = activeConference(accountSid, conferenceSidOrName).orElse(null);
        }
        String label = form.first("Label");
        if (label != null) {
            if (label.length() > 128 || label.contains("/") || CALL_SID.matcher(label).matches()) {
                throw new TwilioError(400, 16024,
                        "Invalid participant label, must not exceed 128 characters, must not be a CallSid, must not contain '/'");
            }
            if (conference != null && conference.participant(label).isPresent()) {
                throw new TwilioError(400, 16026, "Participant label is in use by another participant");
            }
        }
        Integer timeout = form.integer("Timeout");
        if (timeout != null && (timeout < 5 || timeout > 600)) {
            throw TwilioError.invalid("Timeout", String.valueOf(timeout));
        }
        boolean coaching = form.bool("Coaching", false);
        String callSidToCoach = form.first("CallSidToCoach");
        if (coaching) {
            requireCoachable(conference, callSidToCoach);
        }
        if (conference == null) {
            conference = new Conference(sid("CF"), accountSid, conferenceSidOrName, now());
            conference.statusCallback = form.first("ConferenceStatusCallback");
            conference.statusCallbackEvents = events(form.all("ConferenceStatusCallbackEvent"), DEFAULT_CONFERENCE_EVENTS);
            conferences.put(conference.sid, conference);
        }
        CallLeg call = new CallLeg(sid("CA"), accountSid, from, to, "outbound-api", now(), "queued");
        statusCallback(call, form);
        calls.put(call.sid, call);
        Participant participant = new Participant(call, conference, label, now());
        participant.muted = form.bool("Muted", false);
        participant.coaching = coaching;
        participant.callSidToCoach = callSidToCoach;
        participant.startConferenceOnEnter = form.bool("StartConferenceOnEnter", true);
        participant.endConferenceOnExit = form.bool("EndConferenceOnExit", false);
        participant.beep = Optional.ofNullable(form.first("Beep")).orElse("true");
        call.participant = participant;
        conference.participants.put(call.sid, participant);
        return participant;
    }

    /** After the create request was answered: Twilio dials the participant's call. */
    void startDialing(CallLeg call) {
        webhooks.enqueue(call.accountSid, () -> {
            synchronized (this) {
                dial(call);
            }
        });
    }

    synchronized Participant updateParticipant(Participant participant, Form form) {
        boolean muted = form.bool("Muted", participant.muted);
        boolean hold = form.bool("Hold", participant.hold);
        boolean coaching = form.bool("Coaching", participant.coaching);
        String callSidToCoach = form.has("CallSidToCoach") ? form.first("CallSidToCoach") : participant.callSidToCoach;
        if (coaching) {
            requireCoachable(participant.conference, callSidToCoach);
            if (participant.call.sid.equals(callSidToCoach)) {
                throw new TwilioError(400, 20001, "A participant cannot coach itself");
            }
        }
        participant.endConferenceOnExit = form.bool("EndConferenceOnExit", participant.endConferenceOnExit);
        boolean muteChanged = muted != participant.muted;
        boolean holdChanged = hold != participant.hold;
        boolean modified = coaching != participant.coaching
                || (coaching && !java.util.Objects.equals(callSidToCoach, participant.callSidToCoach));
        participant.muted = muted;
        participant.hold = hold;
        participant.coaching = coaching;
        participant.callSidToCoach = coaching ? callSidToCoach : (form.has("CallSidToCoach") ? callSidToCoach : null);
        participant.updated = now();
        if (participant.connected()) {
            if (muteChanged) {
                conferenceEvent(participant.conference, muted ? "participant-mute" : "participant-unmute", participant);
            }
            if (holdChanged) {
                conferenceEvent(participant.conference, hold ? "participant-hold" : "participant-unhold", participant);
            }
            if (modified) {
                conferenceEvent(participant.conference, "participant-modify", participant);
            }
        }
        return participant;
    }

    /** Participants/{CallSid}.json DELETE: the participant is kicked; its call ends. */
    synchronized void deleteParticipant(Participant participant) {
        hangUpLocked(participant.call, true);
    }

    // ---------------------------------------------------------------- views

    synchronized ConferenceState state(Conference c) {
        List<ParticipantState> participants = c.participants.values().stream().map(Participant::state).toList();
        Map<String, Set<String>> hears = new LinkedHashMap<>();
        for (Participant p : c.participants.values()) {
            if (p.connected()) {
                hears.put(p.call.sid, hearsLocked(p));
            }
        }
        return new ConferenceState(c.accountSid, c.sid, c.friendlyName, c.status, participants, hears);
    }

    synchronized ConferenceState state(String accountSid, String conferenceSidOrName) {
        Conference c = Optional.ofNullable(conferences.get(conferenceSidOrName))
                .filter(x -> x.accountSid.equals(accountSid))
                .or(() -> activeConference(accountSid, conferenceSidOrName))
                .or(() -> conferences.values().stream()
                        .filter(x -> x.accountSid.equals(accountSid) && x.friendlyName.equals(conferenceSidOrName))
                        .reduce((first, second) -> second))
                .orElseThrow(() -> new IllegalArgumentException("unknown conference " + conferenceSidOrName));
        return state(c);
    }

    synchronized List<ConferenceState> states() {
        return conferences.values().stream().map(this::state).toList();
    }

    /** The CallSids {@code callSid} hears: nobody unless it is connected to a conference in progress. */
    synchronized Set<String> hears(String callSid) {
        CallLeg call = calls.get(callSid);
        if (call == null) {
            throw new IllegalArgumentException("unknown call " + callSid);
        }
        Participant p = call.participant;
        return p == null || !p.connected() ? Set.of() : hearsLocked(p);
    }

    private Set<String> hearsLocked(Participant listener) {
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

    // ---------------------------------------------------------------- transitions (lock held)

    private void dial(CallLeg call) {
        if (call.ended() || !"queued".equals(call.status)) {
            return;
        }
        Participant p = call.participant;
        if (p != null) {
            p.status = "connecting";
        }
        callEvent(call, "initiated", "initiated");
        call.status = "ringing";
        call.updated = now();
        if (p != null) {
            p.status = "ringing";
            p.updated = now();
        }
        callEvent(call, "ringing", "ringing");
        switch (endpoints.answerMode(call.address())) {
            case AUTO -> answered(call);
            case MANUAL -> {
                // rings until the test answers it, or it is canceled
            }
            case BUSY -> failed(call, "busy");
            case NO_ANSWER -> failed(call, "no-answer");
        }
    }

    private void answered(CallLeg call) {
        call.status = "in-progress";
        call.started = now();
        call.updated = call.started;
        callEvent(call, "answered", "in-progress");
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

    private void fetchTwiml(CallLeg call, String url) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "AccountSid", call.accountSid);
        put(params, "ApiVersion", API_VERSION);
        put(params, "CallSid", call.sid);
        put(params, "CallStatus", call.status);
        put(params, "Called", call.to);
        put(params, "Caller", call.from);
        put(params, "Direction", call.direction);
        put(params, "From", call.from);
        put(params, "To", call.to);
        webhooks.enqueue(call.accountSid, () -> {
            Callback answer = webhooks.send(new Webhooks.Outgoing(call.accountSid, "voice", url, params));
            synchronized (this) {
                obey(call, answer.status() / 100 == 2 ? answer.body() : null);
            }
        });
    }

    private void failed(CallLeg call, String status) {
        Participant p = call.participant;
        if (p != null) {
            p.status = "failed";
            p.conference.participants.remove(call.sid);
            endIfAbandoned(p.conference);
        }
        finish(call, status);
    }

    /** Obeys the TwiML the application answered; null (no answer, an error status) ends the call. */
    private void obey(CallLeg call, String twiml) {
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
            call.started = now();
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
            conference = new Conference(sid("CF"), call.accountSid, name, now());
            conference.statusCallback = noun.attributes().get("statusCallback");
            conference.statusCallbackEvents = events(
                    noun.attributes().containsKey("statusCallbackEvent")
                            ? List.of(noun.attributes().get("statusCallbackEvent")) : List.of(),
                    DEFAULT_CONFERENCE_EVENTS);
            conferences.put(conference.sid, conference);
        }
        Participant p = new Participant(call, conference, label, now());
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

    private void join(Participant p) {
        Conference c = p.conference;
        p.status = "connected";
        p.updated = now();
        c.updated = p.updated;
        List<Participant> connected = c.connected();
        if ("init".equals(c.status) && connected.size() >= 2
                && connected.stream().anyMatch(x -> x.startConferenceOnEnter)) {
            c.status = "in-progress";
            conferenceEvent(c, "conference-start", null);
        }
        conferenceEvent(c, "participant-join", p);
    }

    /** Hangs up a call whatever its state; {@code kicked} when the API (not the person) ended it. */
    private void hangUpLocked(CallLeg call, boolean kicked) {
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
    private void leave(Participant p, boolean kicked, List<CallLeg> ended) {
        Conference c = p.conference;
        c.participants.remove(p.call.sid);
        p.status = "complete";
        p.updated = now();
        conferenceEvent(c, "participant-leave", p);
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
    private void end(Conference c, String reason, Participant ending, List<CallLeg> ended) {
        boolean finishHere = ended == null;
        List<CallLeg> calls = finishHere ? new ArrayList<>() : ended;
        c.status = "completed";
        c.reasonEnded = reason;
        c.callSidEnding = ending == null ? null : ending.call.sid;
        c.updated = now();
        for (Participant q : new ArrayList<>(c.participants.values())) {
            c.participants.remove(q.call.sid);
            if (q.connected()) {
                q.status = "complete";
                q.updated = now();
                conferenceEvent(c, "participant-leave", q);
                calls.add(q.call);
            } else {
                q.status = "failed";
                calls.add(q.call);
            }
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        if (ending != null) {
            put(extra, "CallSidEndingConference", ending.call.sid);
            if (ending.label != null) {
                put(extra, "ParticipantLabelEndingConference", ending.label);
            }
        }
        put(extra, "ReasonConferenceEnded", reason);
        put(extra, "Reason", reasonText(reason, ending));
        conferenceEvent(c, "conference-end", null, extra);
        if (finishHere) {
            for (CallLeg leg : calls) {
                finish(leg, "in-progress".equals(leg.status) ? "completed" : "canceled");
            }
        }
    }

    /** A conference whose last would-be participant failed to join ends without having started. */
    private void endIfAbandoned(Conference c) {
        if (c.active() && c.participants.isEmpty()) {
            c.status = "completed";
            c.reasonEnded = "last-participant-left";
            c.updated = now();
        }
    }

    private void finish(CallLeg call, String status) {
        if (call.ended()) {
            return;
        }
        if ("completed".equals(status) && !"in-progress".equals(call.status) && !"inbound".equals(call.direction)) {
            status = "canceled"; // an outbound call never answered ends canceled, not completed
        }
        call.status = status;
        call.ended = now();
        call.updated = call.ended;
        if (call.participant != null && call.participant.conference.participants.get(call.sid) == call.participant) {
            call.participant.conference.participants.remove(call.sid);
            call.participant.status = "complete";
        }
        callEvent(call, "completed", status);
    }

    // ---------------------------------------------------------------- callbacks (lock held)

    private void callEvent(CallLeg call, String event, String callStatus) {
        if (call.statusCallback == null || !call.statusCallbackEvents.contains(event)) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "AccountSid", call.accountSid);
        put(params, "ApiVersion", API_VERSION);
        put(params, "CallSid", call.sid);
        put(params, "CallStatus", callStatus);
        put(params, "CallbackSource", "call-progress-events");
        put(params, "Called", call.to);
        put(params, "Caller", call.from);
        put(params, "Direction", call.direction);
        put(params, "From", call.from);
        put(params, "To", call.to);
        put(params, "SequenceNumber", String.valueOf(call.sequence++));
        put(params, "Timestamp", RFC_2822.format(now()));
        if ("completed".equals(event)) {
            long seconds = call.started == null ? 0 : Duration.between(call.started, call.ended).toSeconds();
            put(params, "CallDuration", String.valueOf(seconds));
            put(params, "Duration", String.valueOf((seconds + 59) / 60));
        }
        if (call.participant != null) {
            put(params, "ConferenceSid", call.participant.conference.sid);
        }
        webhooks.enqueue(new Webhooks.Outgoing(call.accountSid, "participant-status", call.statusCallback, params));
    }

    private void conferenceEvent(Conference c, String event, Participant p) {
        conferenceEvent(c, event, p, Map.of());
    }

    private void conferenceEvent(Conference c, String event, Participant p, Map<String, List<String>> extra) {
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
        put(params, "AccountSid", c.accountSid);
        put(params, "ConferenceSid", c.sid);
        put(params, "FriendlyName", c.friendlyName);
        put(params, "StatusCallbackEvent", event);
        put(params, "SequenceNumber", String.valueOf(++c.sequence));
        put(params, "Timestamp", RFC_2822.format(now()));
        if (p != null) {
            put(params, "CallSid", p.call.sid);
            if (p.label != null) {
                put(params, "ParticipantLabel", p.label);
            }
            put(params, "Muted", String.valueOf(p.muted));
            put(params, "Hold", String.valueOf(p.hold));
            put(params, "Coaching", String.valueOf(p.coaching));
            if (p.callSidToCoach != null) {
                put(params, "CallSidToCoach", p.callSidToCoach);
            }
            put(params, "EndConferenceOnExit", String.valueOf(p.endConferenceOnExit));
            put(params, "StartConferenceOnEnter", String.valueOf(p.startConferenceOnEnter));
        }
        extra.forEach((k, v) -> params.put(k, v));
        webhooks.enqueue(new Webhooks.Outgoing(c.accountSid, "conference-status", c.statusCallback, params));
    }

    // ---------------------------------------------------------------- helpers

    private void requireCoachable(Conference conference, String callSidToCoach) {
        if (callSidToCoach == null || callSidToCoach.isEmpty()) {
            throw new TwilioError(400, 20001, "CallSidToCoach is required when Coaching is true");
        }
        if (conference == null || conference.participant(callSidToCoach).filter(Participant::connected).isEmpty()
                || !CALL_SID.matcher(callSidToCoach).matches()) {
            throw new TwilioError(400, 20001, "CallSidToCoach " + callSidToCoach
                    + " is not a participant of the conference");
        }
    }

    private static void statusCallback(CallLeg call, Form form) {
        call.statusCallback = form.first("StatusCallback");
        String method = form.first("StatusCallbackMethod");
        if (method != null && !"POST".equals(method)) {
            throw new TwilioError(400, 20001, "The double supports StatusCallbackMethod POST only");
        }
        call.statusCallbackEvents = events(form.all("StatusCallbackEvent"), DEFAULT_CALL_EVENTS);
    }

    /** Repeated parameters and space-separated values both, as Twilio accepts them. */
    static Set<String> events(List<String> values, Set<String> fallback) {
        Set<String> events = new LinkedHashSet<>();
        for (String value : values) {
            events.addAll(Arrays.stream(value.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList());
        }
        return events.isEmpty() ? fallback : Set.copyOf(events);
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

    static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null) {
            params.put(name, List.of(value));
        }
    }

    Instant now() {
        return clock.instant();
    }

    String sid(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    static Map<String, List<String>> sorted(Map<String, List<String>> params) {
        return new TreeMap<>(params);
    }
}
