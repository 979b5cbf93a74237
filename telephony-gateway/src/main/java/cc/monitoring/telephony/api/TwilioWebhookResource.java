package cc.monitoring.telephony.api;

import cc.monitoring.kit.problem.DomainException;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks;
import cc.monitoring.telephony.provider.twilio.TwilioSignature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
 * Twilio's status callbacks. Twilio sends no bearer token: the request is authenticated by its
 * {@code X-Twilio-Signature} alone (HMAC-SHA1 with the account's auth token), and refused with 403
 * when the signature does not match.
 */
@Path("/api/telephony/twilio")
@Tag(name = "Twilio webhooks", description = "Callbacks from Twilio, signed with X-Twilio-Signature instead of a bearer token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    private final TelephonyConfig config;
    private final TelephonyListener listener;

    public TwilioWebhookResource(TelephonyConfig config, TelephonyListener listener) {
        this.config = config;
        this.listener = listener;
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
        Map<String, List<String>> params = verified(signature, form, uri);
        TwilioCallbacks.participantStatus(listener, legId, params);
        return Response.noContent().build();
    }

    @POST
    @Path("conference-status")
    @Operation(summary = "Conference events; conference-end ends the call")
    @APIResponse(responseCode = "204", description = "Applied (or a duplicate, which changes nothing)")
    @APIResponse(responseCode = "403", description = "`twilio-signature-invalid`: X-Twilio-Signature is missing or"
            + " does not match")
    @APIResponse(responseCode = "404", description = "`twilio-webhooks-disabled`: this gateway has no Twilio"
            + " credentials")
    public Response conferenceStatus(@HeaderParam(TwilioSignature.HEADER) String signature,
                                     MultivaluedMap<String, String> form, @Context UriInfo uri) {
        TwilioCallbacks.conferenceStatus(listener, verified(signature, form, uri));
        return Response.noContent().build();
    }

    private Map<String, List<String>> verified(String signature, MultivaluedMap<String, String> form, UriInfo uri) {
        String authToken = config.twilio().authToken().orElseThrow(WebhooksDisabled::new);
        Map<String, List<String>> params = form == null ? Map.of() : form;
        if (!TwilioSignature.isValid(authToken, calledUrl(uri), params, signature)) {
            throw new ForgedSignature();
        }
        return params;
    }

    /** The URL exactly as Twilio called it: the configured public base, or the request's own. */
    private String calledUrl(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return config.twilio().webhookBaseUrl()
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                        + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query))
                .orElse(uri.getRequestUri().toString());
    }

    static final class ForgedSignature extends DomainException {
        ForgedSignature() {
            super(Kind.FORBIDDEN, "twilio-signature-invalid", "Invalid Twilio signature",
                    "The X-Twilio-Signature header is missing or does not match the request");
        }
    }

    static final class WebhooksDisabled extends DomainException {
        WebhooksDisabled() {
            super(Kind.NOT_FOUND, "twilio-webhooks-disabled", "Twilio webhooks are not configured",
                    "This gateway has no Twilio auth token, so it accepts no Twilio callbacks");
        }
    }
}
