package cc.monitoring.twiliodouble;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The state of the double's Twilio: accounts, calls, conferences and participants; what the people on
 * the phones do and what the REST API asks for, checked as Twilio checks it, then carried out by the
 * {@link Switchboard}. Every method holds the engine's lock while it changes state and never while a
 * request to the application is under way; the callbacks a change causes are queued in the order of the
 * changes (one queue per account).
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
    private final Switchboard switchboard;

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
        this.switchboard = new Switchboard(this, conferences, endpoints, new StatusCallbacks(webhooks, clock), webhooks);
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

    /** The account's calls, most recent first, as Twilio lists them. */
    synchronized List<CallLeg> calls(String accountSid) {
        List<CallLeg> list = new ArrayList<>(calls.values().stream().filter(c -> c.accountSid.equals(accountSid)).toList());
        Collections.reverse(list);
        return list;
    }

    synchronized Conference conference(String accountSid, String conferenceSid, String path) {
        Conference conference = conferences.get(conferenceSid);
        if (conference == null || !conference.accountSid.equals(accountSid)) {
            throw TwilioError.notFound(path);
        }
        return conference;
    }

    /** The account's conferences, most recent first. */
    synchronized List<Conference> conferences(String accountSid) {
        List<Conference> list = new ArrayList<>(conferences.values().stream().filter(c -> c.accountSid.equals(accountSid)).toList());
        Collections.reverse(list);
        return list;
    }

    synchronized Participant participant(String accountSid, String conferenceSid, String callSidOrLabel, String path) {
        return conference(accountSid, conferenceSid, path).participant(callSidOrLabel)
                .orElseThrow(() -> TwilioError.notFound(path));
    }

    synchronized List<Participant> participants(String accountSid, String conferenceSid, String path) {
        return List.copyOf(conference(accountSid, conferenceSid, path).participants.values());
    }

    // ---------------------------------------------------------------- what people do (test API)

    /** A caller dials the account's number: Twilio asks the Voice URL for TwiML and obeys it. */
    String placeInboundCall(String accountSid, String from, String to) {
        TwilioDouble.Account account = requireAccount(accountSid);
        CallLeg call;
        synchronized (this) {
            call = new CallLeg(sid("CA"), accountSid, from, to, "inbound", now(), "ringing");
            calls.put(call.sid, call);
            switchboard.fetchTwiml(call, account.voiceUrl());
        }
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
                    .or(() -> switchboard.activeConference(accountSid, conferenceNameOrSid))
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
            switchboard.hangUpLocked(call, false);
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
                switchboard.end(conference, "conference-ended-via-api", null, null);
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
                        switchboard.answered(call);
                    } else {
                        switchboard.failed(call, "no-answer");
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
                case "completed" -> switchboard.hangUpLocked(call, true);
                case "canceled" -> {
                    if ("queued".equals(call.status) || "ringing".equals(call.status)) {
                        switchboard.hangUpLocked(call, true);
                    }
                }
                default -> throw TwilioError.invalid("Status", status);
            }
        }
        String twiml = form.first("Twiml");
        if (twiml != null && !call.ended()) {
            if (call.participant != null && call.participant.connected()) {
                // redirected out of its conference: the call goes on, the others end if the conference did
                List<CallLeg> ended = new ArrayList<>();
                switchboard.leave(call.participant, false, ended);
                ended.stream().filter(leg -> leg != call).forEach(leg -> switchboard.finish(leg, "completed"));
            }
            switchboard.obey(call, twiml);
        }
        call.updated = now();
        return call;
    }

    synchronized void deleteCall(CallLeg call) {
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
                switchboard.end(conference, "conference-ended-via-api", null, null);
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
            conference = switchboard.activeConference(accountSid, conferenceSidOrName).orElse(null);
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

    /** Twilio dials the call at once (the call is queued on the account's thread). */
    void startDialing(CallLeg call) {
        startDialing(call, new CountDownLatch(0));
    }

    /**
     * Twilio dials the call once the create request has been answered ({@code answered} counted down), so
     * that the application has Twilio's answer before the first status callback; {@link #settle} waits
     * for the dialing from the moment the request was applied.
     */
    void startDialing(CallLeg call, CountDownLatch answered) {
        webhooks.enqueue(call.accountSid, () -> {
            try {
                answered.await(settleLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                switchboard.dial(call);
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
        switchboard.updated(participant, muteChanged, holdChanged, modified);
        return participant;
    }

    /** Participants/{CallSid}.json DELETE: the participant is kicked; its call ends. */
    synchronized void deleteParticipant(Participant participant) {
        switchboard.hangUpLocked(participant.call, true);
    }

    // ---------------------------------------------------------------- views

    synchronized ConferenceState state(Conference c) {
        List<ParticipantState> participants = c.participants.values().stream().map(Participant::state).toList();
        Map<String, Set<String>> hears = new LinkedHashMap<>();
        for (Participant p : c.participants.values()) {
            if (p.connected()) {
                hears.put(p.call.sid, switchboard.hears(p));
            }
        }
        return new ConferenceState(c.accountSid, c.sid, c.friendlyName, c.status, participants, hears);
    }

    synchronized ConferenceState state(String accountSid, String conferenceSidOrName) {
        Conference c = Optional.ofNullable(conferences.get(conferenceSidOrName))
                .filter(x -> x.accountSid.equals(accountSid))
                .or(() -> switchboard.activeConference(accountSid, conferenceSidOrName))
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
        return p == null || !p.connected() ? Set.of() : switchboard.hears(p);
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
}
