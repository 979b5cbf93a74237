package cc.monitoring.telephony.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import cc.monitoring.kit.problem.DomainException;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.provider.twilio.TwiML;
import cc.monitoring.telephony.provider.twilio.TwilioAccounts;
import cc.monitoring.telephony.provider.twilio.TwilioAccounts.Account;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks.ConferenceStatus;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks.ParticipantStatus;
import cc.monitoring.telephony.provider.twilio.TwilioSignature;
import cc.monitoring.telephony.service.TwilioCalls;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * Twilio's webhooks: the Voice webhook of the tenants' numbers and the status callbacks. Twilio sends no
 * bearer token: the callback's {@code AccountSid} names the tenant's account (configuration, one per tenant),
 * and its {@code X-Twilio-Signature}, computed with that account's auth token over the public URL, proves it;
 * otherwise 403.
 */
@Path("/api/telephony/twilio")
@Tag(name = "Twilio webhooks", description = "Callbacks from Twilio, signed with X-Twilio-Signature instead of a bearer token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    private final TelephonyConfig config;
    private final TwilioAccounts accounts;
    private final TwilioCalls calls;

    public TwilioWebhookResource(TelephonyConfig config, TwilioAccounts accounts, TwilioCalls calls) {
        this.config = config;
        this.accounts = accounts;
        this.calls = calls;
    }

    @POST
    @Path("voice")
    @Produces(TwiML.CONTENT_TYPE)
    @Operation(summary = "Voice webhook of the tenants' numbers: answers TwiML putting the caller into the call's conference")
    @APIResponse(responseCode = "200", description = "TwiML: the caller joins the call's conference (or is rejected when"
            + " the number routes to no flow)", content = @Content(mediaType = TwiML.CONTENT_TYPE,
            schema = @Schema(type = SchemaType.STRING, description = "a TwiML <Response> document")))
    @APIResponse(responseCode = "403", description = "`twilio-signature-invalid`: X-Twilio-Signature is missing or"
            + " does not match; `twilio-account-unknown`: the AccountSid is no tenant's account")
    @APIResponse(responseCode = "404", description = "`twilio-webhooks-disabled`: this gateway has no Twilio"
            + " credentials")
    public Response voice(@HeaderParam(TwilioSignature.HEADER) String signature, MultivaluedMap<String, String> form,
                          @Context UriInfo uri) {
        Verified callback = verified(signature, form, uri);
        String twiml = calls.voice(callback.account(), publicBase(uri), TwilioCallbacks.first(form, "CallSid"),
                TwilioCallbacks.first(form, "From"), TwilioCallbacks.first(form, "To"));
        return Response.ok(twiml, TwiML.CONTENT_TYPE).build();
    }

    @POST
    @Path("participant-status")
    @Operation(summary = "Call progress of a monitor leg's participant (StatusCallback of the added participant)")
    @APIResponse(responseCode = "204", description = "Applied (or a duplicate, which changes nothing)")
    @APIResponse(responseCode = "403", description = "`twilio-signature-invalid`: X-Twilio-Signature is missing or"
            + " does not match")
    @APIResponse(responseCode = "404", description = "`twilio-webhooks-disabled`: this gateway has no Twilio"
            + " credentials")
    public Response participantStatus(@QueryParam("legId") String legId,
                                      @HeaderParam(TwilioSignature.HEADER) String signature,
                                      MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Verified callback = verified(signature, form, uri);
        calls.participantStatus(callback.account(), legId, ParticipantStatus.of(callback.params()));
        return Response.noContent().build();
    }

    @POST
    @Path("conference-status")
    @Operation(summary = "Conference events of a call: the agent joining starts it, monitor participants' events move their legs, the end ends it")
    @APIResponse(responseCode = "204", description = "Applied (or a duplicate, which changes nothing)")
    @APIResponse(responseCode = "403", description = "`twilio-signature-invalid`: X-Twilio-Signature is missing or"
            + " does not match; `twilio-account-unknown`: the AccountSid is no tenant's account")
    @APIResponse(responseCode = "404", description = "`twilio-webhooks-disabled`: this gateway has no Twilio"
            + " credentials")
    public Response conferenceStatus(@HeaderParam(TwilioSignature.HEADER) String signature,
                                     MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Verified callback = verified(signature, form, uri);
        calls.conferenceStatus(callback.account(), ConferenceStatus.of(callback.params()));
        return Response.noContent().build();
    }

    private record Verified(Account account, Map<String, List<String>> params) {
    }

    private Verified verified(String signature, MultivaluedMap<String, String> form, UriInfo uri) {
        if (config.provider().orElse(null) != TelephonyConfig.ProviderKind.twilio || accounts.isEmpty()) {
            throw new WebhooksDisabled();
        }
        Map<String, List<String>> params = form == null ? Map.of() : form;
        Account account = accounts.bySid(TwilioCallbacks.first(params, "AccountSid")).orElseThrow(UnknownAccount::new);
        if (!TwilioSignature.isValid(account.authToken(), calledUrl(uri), params, signature)) {
            throw new ForgedSignature();
        }
        return new Verified(account, params);
    }

    /** The URL exactly as Twilio called it: under the configured public base, or the request's own. */
    private String calledUrl(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return publicBase(uri) + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    private String publicBase(UriInfo uri) {
        return config.twilio().webhookBaseUrl()
                .map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .orElseGet(() -> {
                    String own = uri.getBaseUri().toString();
                    return own.endsWith("/") ? own.substring(0, own.length() - 1) : own;
                });
    }

    static final class ForgedSignature extends DomainException {
        ForgedSignature() {
            super(Kind.FORBIDDEN, "twilio-signature-invalid", "Invalid Twilio signature",
                    "The X-Twilio-Signature header is missing or does not match the request");
        }
    }

    static final class UnknownAccount extends DomainException {
        UnknownAccount() {
            super(Kind.FORBIDDEN, "twilio-account-unknown", "Unknown Twilio account",
                    "The callback's AccountSid is not the Twilio account of any tenant of this gateway");
        }
    }

    static final class WebhooksDisabled extends DomainException {
        WebhooksDisabled() {
            super(Kind.NOT_FOUND, "twilio-webhooks-disabled", "Twilio webhooks are not configured",
                    "This gateway does not run on Twilio (telephony.provider) or has no Twilio account");
        }
    }
}
