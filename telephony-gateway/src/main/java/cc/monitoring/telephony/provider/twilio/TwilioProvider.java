package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.ModeRefusal;
import cc.monitoring.telephony.provider.ProviderFailure;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.TelephonyProvider;
import cc.monitoring.telephony.provider.twilio.TwilioAccounts.Account;
import cc.monitoring.telephony.provider.twilio.TwilioApi.Answer;
import cc.monitoring.telephony.provider.twilio.TwilioApi.Form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Twilio Programmable Voice: a monitor leg is a participant of the call's conference ({@code callRef} is the
 * ConferenceSid) labelled with the leg id, dialed muted, without a beep, and never allowed to end the
 * conference when it leaves ({@code EndConferenceOnExit=false}). The gateway changes only monitor participants
 * (by their label), and at most the monitor leg's own outbound call: never the caller's or the agent's call,
 * never the conference (B24).
 * <p>
 * Each operation returns once Twilio accepted the request and throws {@link ProviderFailure} otherwise; the
 * leg's state (ringing, answered, its mode, ended) comes only from Twilio's callbacks ({@link TwilioCallbacks}),
 * never from the request's answer (B29). Every operation is idempotent per leg id, the participant's label:
 * a dial first looks for a participant with that label, a mode is a state, a participant already gone is
 * hung up.
 */
public final class TwilioProvider implements TelephonyProvider {

    public static final String PARTICIPANT_CALLBACK_PATH = "/api/telephony/twilio/participant-status";
    /** Twilio error codes that mean the dialed number or address is not valid. */
    private static final Set<Integer> INVALID_TO = Set.of(21211, 21214, 21217, 21219, 13223, 13224, 21215);

    private final TwilioAccounts accounts;
    private final TwilioApi api;
    private final String webhookBaseUrl;
    private final int ringTimeoutSeconds;

    public TwilioProvider(TwilioAccounts accounts, TwilioApi api, String webhookBaseUrl, int ringTimeoutSeconds) {
        if (accounts.isEmpty()) {
            throw new IllegalStateException("telephony.provider=twilio needs at least one account:"
                    + " telephony.twilio.accounts.<tenant>.account-sid and auth-token (or auth-token-file)");
        }
        if (webhookBaseUrl == null || webhookBaseUrl.isBlank()) {
            throw new IllegalStateException("telephony.provider=twilio needs telephony.twilio.webhook-base-url"
                    + " (TWILIO_WEBHOOK_BASE_URL): the public URL Twilio calls back");
        }
        this.accounts = accounts;
        this.api = api;
        this.webhookBaseUrl = webhookBaseUrl.endsWith("/") ? webhookBaseUrl.substring(0, webhookBaseUrl.length() - 1)
                : webhookBaseUrl;
        this.ringTimeoutSeconds = Math.max(5, Math.min(600, ringTimeoutSeconds));
    }

    /** Reports come from Twilio's callbacks (the webhook resource), never from a request's answer. */
    @Override
    public void listen(TelephonyListener listener) {
        // nothing to remember: every report reaches the gateway as a signed callback
    }

    @Override
    public void dialMonitorLeg(DialRequest request) {
        Account account = account(request.tenantId());
        if (account.callerId() == null) {
            throw ProviderFailure.refused(LegFailure.PROVIDER_ERROR.name(), "no caller id configured for the tenant's"
                    + " Twilio account (telephony.twilio.accounts.<tenant>.caller-id)");
        }
        if (api.participant(account, request.callRef(), request.legId()).isPresent()) {
            return; // dialed before (a repeated command after a crash): once is enough
        }
        Form form = new Form()
                .add("From", account.callerId())
                .add("To", request.extensionAddress())
                .add("Label", request.legId())
                .add("Muted", "true")
                .add("Beep", "false")
                .add("EarlyMedia", "false")
                .add("StartConferenceOnEnter", "false")
                .add("EndConferenceOnExit", "false")
                .add("Timeout", Integer.toString(ringTimeoutSeconds))
                .add("StatusCallback", webhookBaseUrl + PARTICIPANT_CALLBACK_PATH + "?legId="
                        + URLEncoder.encode(request.legId(), StandardCharsets.UTF_8))
                .add("StatusCallbackMethod", "POST")
                .add("StatusCallbackEvent", "initiated")
                .add("StatusCallbackEvent", "ringing")
                .add("StatusCallbackEvent", "answered")
                .add("StatusCallbackEvent", "completed");
        Answer answer = api.addParticipant(account, request.callRef(), form);
        if (answer.succeeded()) {
            return;
        }
        if (answer.status == 429 || answer.status >= 500) {
            throw answer.failure();
        }
        // a refusal may be Twilio's answer to a label that exists already (a race with an earlier attempt)
        if (api.participant(account, request.callRef(), request.legId()).isPresent()) {
            return;
        }
        LegFailure failure = answer.status == 404 ? LegFailure.CALL_NOT_FOUND
                : answer.status == 400 && INVALID_TO.contains(answer.errorCode()) ? LegFailure.UNKNOWN_EXTENSION
                : LegFailure.PROVIDER_ERROR;
        throw ProviderFailure.refused(failure.name(), answer.failure().getMessage());
    }

    /** Updates the monitor participant; the new mode counts once Twilio's participant callback confirms it (B29). */
    @Override
    public void setMonitorLegMode(LegRef leg, LegMode mode) {
        Account account = account(leg.tenantId());
        Form form = new Form();
        switch (mode) {
            case MUTED -> form.add("Muted", "true").add("Coaching", "false");
            case UNMUTED -> form.add("Muted", "false").add("Coaching", "false");
            case COACHING -> {
                if (leg.agentLegRef() == null) {
                    throw ProviderFailure.refused(ModeRefusal.PROVIDER_ERROR.name(),
                            "cannot coach: the agent's CallSid is not known for this call");
                }
                form.add("Muted", "false").add("Coaching", "true").add("CallSidToCoach", leg.agentLegRef());
            }
        }
        if (api.updateParticipant(account, leg.callRef(), leg.legId(), form).isEmpty()) {
            throw ProviderFailure.refused(ModeRefusal.LEG_NOT_CONNECTED.name(), "the monitor participant is not in the conference");
        }
    }

    /**
     * Takes the monitor participant out of the conference. A participant that is not (or no longer) there is
     * done, unless its outbound call is still ringing: then that call alone, the monitor's own, is ended.
     */
    @Override
    public void hangUpMonitorLeg(LegRef leg) {
        Account account = account(leg.tenantId());
        if (api.removeParticipant(account, leg.callRef(), leg.legId())) {
            return;
        }
        if (leg.providerLegRef() != null && !leg.providerLegRef().equals(leg.agentLegRef())) {
            api.updateCall(account, leg.providerLegRef(), new Form().add("Status", "completed"));
        }
    }

    private Account account(String tenantId) {
        return accounts.ofTenant(tenantId).orElseThrow(() -> ProviderFailure.refused("NO_TWILIO_ACCOUNT",
                "no Twilio account configured for tenant " + tenantId));
    }
}
