package cc.monitoring.twiliodouble;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A faithful double of the parts of Twilio that the telephony gateway uses: the REST API's Calls,
 * Conferences and Participants (on {@link #baseUrl()} instead of {@code https://api.twilio.com}), the
 * signed webhooks Twilio sends (the Voice URL asking for TwiML, conference and participant status
 * callbacks), and the people on the phones (a caller, an agent, endpoints that answer or not).
 * <p>
 * Deterministic: no timers. Each account's webhooks leave one at a time, in the order of the state
 * changes that caused them; the methods that act for a person ({@link #placeInboundCall},
 * {@link #connectAgent}, {@link #hangUp}, {@link #endConference}) return once every webhook they caused
 * has been answered.
 */
public final class TwilioDouble implements AutoCloseable {

    /** The path of the Voice URL on the application's public base URL. */
    public static final String VOICE_PATH = "/api/telephony/twilio/voice";
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    /**
     * A Twilio account: its SID, auth token (which signs the webhooks and checks basic auth), and the
     * application's public base URL; its phone number's Voice URL is {@code appBaseUrl + VOICE_PATH}
     * unless given.
     */
    public record Account(String sid, String authToken, String appBaseUrl, String voiceUrl) {

        public Account {
            if (sid == null || !ACCOUNT_SID.matcher(sid).matches()) {
                throw new IllegalArgumentException("an AccountSid is AC followed by 32 hex digits");
            }
            Objects.requireNonNull(authToken, "authToken");
            Objects.requireNonNull(appBaseUrl, "appBaseUrl");
            appBaseUrl = appBaseUrl.endsWith("/") ? appBaseUrl.substring(0, appBaseUrl.length() - 1) : appBaseUrl;
            if (voiceUrl == null) {
                voiceUrl = appBaseUrl + VOICE_PATH;
            }
        }

        public Account(String sid, String authToken, String appBaseUrl) {
            this(sid, authToken, appBaseUrl, null);
        }

        @Override
        public String toString() {
            return "Account[" + sid + ", " + appBaseUrl + "]";
        }
    }

    /** How to start the double. */
    public static final class Options {
        private String host = "127.0.0.1";
        private int port;
        private final List<Account> accounts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration timeoutHold = Duration.ofSeconds(30);
        private Duration callbackTimeout = Duration.ofSeconds(15);

        private Options(int port) {
            this.port = port;
        }

        public static Options onFreePort() {
            return new Options(0);
        }

        public static Options onPort(int port) {
            return new Options(port);
        }

        public Options host(String host) {
            this.host = host;
            return this;
        }

        /** An account: the double accepts its credentials and signs its webhooks with {@code authToken}. */
        public Options account(String accountSid, String authToken, String appBaseUrl) {
            return account(new Account(accountSid, authToken, appBaseUrl));
        }

        public Options account(Account account) {
            accounts.add(account);
            return this;
        }

        public Options accounts(List<Account> accounts) {
            this.accounts.addAll(accounts);
            return this;
        }

        /** The clock of date_created, Timestamp… (a fixed clock makes them reproducible). */
        public Options clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long an injected timeout holds the request before dropping the connection (default 30 s). */
        public Options timeoutHold(Duration hold) {
            this.timeoutHold = hold;
            return this;
        }

        /** How long the double waits for the application to answer a webhook (Twilio: 15 s). */
        public Options callbackTimeout(Duration timeout) {
            this.callbackTimeout = timeout;
            return this;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Engine engine;
    private final Faults faults = new Faults();
    private final RestApi rest;
    private final String baseUrl;

    private TwilioDouble(Options options) throws IOException {
        if (options.accounts.isEmpty()) {
            throw new IllegalArgumentException("the double needs at least one account");
        }
        this.engine = new Engine(options.accounts, options.clock, options.callbackTimeout);
        this.rest = new RestApi(engine, faults, TwilioOpenApi.vendored(), options.timeoutHold);
        this.server = HttpServer.create(new InetSocketAddress(options.host, options.port), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "twilio-double-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", rest);
        server.createContext("/_double/", new ControlApi(this,
                options.accounts.size() == 1 ? options.accounts.get(0).sid() : null));
        server.start();
        this.baseUrl = "http://" + options.host + ":" + server.getAddress().getPort();
    }

    public static TwilioDouble start(Options options) {
        try {
            return new TwilioDouble(options);
        } catch (IOException e) {
            throw new UncheckedIOException("the Twilio double could not listen", e);
        }
    }

    /** What the adapter uses instead of {@code https://api.twilio.com}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * A caller dials the account's number: the double POSTs the account's Voice URL (signed), obeys the
     * TwiML it answers ({@code <Dial><Conference …>name</Conference></Dial>}), and returns the caller's
     * CallSid once every webhook this caused has been answered.
     */
    public String placeInboundCall(String accountSid, String from, String to) {
        return engine.placeInboundCall(accountSid, from, to);
    }

    /**
     * What a contact-center router (TaskRouter) does when an agent accepts: {@code address} (e.g.
     * {@code client:agent-7}) is dialed as a participant of the conference (by FriendlyName or SID),
     * labelled {@code agent}, and answers per its {@link AnswerMode}. Returns the agent's CallSid.
     */
    public String connectAgent(String accountSid, String conferenceFriendlyNameOrSid, String address) {
        return engine.connectAgent(accountSid, conferenceFriendlyNameOrSid, address);
    }

    /** The person on {@code callSid} hangs up (a call still ringing is canceled). */
    public void hangUp(String callSid) {
        engine.hangUp(callSid);
    }

    /** Ends the conference as {@code POST Conferences/{Sid}.json Status=completed} would. */
    public void endConference(String accountSid, String conferenceSid) {
        engine.endConference(accountSid, conferenceSid);
    }

    public Faults faults() {
        return faults;
    }

    public Endpoints endpoints() {
        return engine.endpoints;
    }

    /** The conference (by SID, or by FriendlyName: the active one, else the latest). */
    public ConferenceState conference(String accountSid, String conferenceSidOrName) {
        return engine.state(accountSid, conferenceSidOrName);
    }

    public List<ConferenceState> conferences() {
        return engine.states();
    }

    /** The CallSids the participant on {@code callSid} hears (a coach is heard only by the agent it coaches). */
    public Set<String> hears(String callSid) {
        return engine.hears(callSid);
    }

    /** Every REST request received, in order. */
    public List<RecordedRequest> requests() {
        return rest.requests();
    }

    /** The REST requests that do not conform to the vendored Twilio OpenAPI. */
    public List<RequestViolation> requestViolations() {
        return rest.violations();
    }

    /** Every webhook sent (Voice URL, status callbacks), in order, with what the application answered. */
    public List<Callback> callbacks() {
        return engine.webhooks.sent();
    }

    /** Waits until every account's webhooks caused so far have been sent and answered. */
    public void settle() {
        engine.settleAll();
    }

    /** Forgets recorded requests, violations, callbacks, pending faults and answer modes (state stays). */
    public void reset() {
        rest.clear();
        engine.webhooks.clear();
        faults.clear();
        engine.endpoints.reset();
    }

    @Override
    public void close() {
        rest.close();
        faults.release();
        server.stop(0);
        engine.webhooks.close();
        executor.shutdownNow();
    }
}
