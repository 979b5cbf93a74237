package cc.monitoring.telephony.api;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.telephony.provider.twilio.TwilioSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.monitoring.telephony.api.CallsTest.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Twilio's status callbacks reach the gateway without a bearer token; the X-Twilio-Signature alone
 * decides (auth token {@code test-auth-token} in tests).
 */
@QuarkusTest
class TwilioWebhookTest {

    private static final String AUTH_TOKEN = "test-auth-token";

    @Test
    void aSignedCallbackIsAcceptedAndBecomesALegEvent() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = tenant.connectedLeg(callId);
        String legId = tenant.audit().get("/api/telephony/calls/{id}", callId).then().extract().path("monitorLegs[0].legId");

        // the supervisor's phone hangs up: Twilio reports the participant's call completed
        String path = "/api/telephony/twilio/participant-status?legId=" + legId;
        Map<String, String> form = Map.of("CallSid", "CA0123", "CallStatus", "completed", "AccountSid", "AC1");
        given().header(TwilioSignature.HEADER, sign(path, form)).formParams(form)
                .post(path).then().statusCode(204);

        assertEquals(LegReason.HUNG_UP, tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, session).reason());
        tenant.audit().get("/api/telephony/calls/{id}", callId).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedWith403() {
        String path = "/api/telephony/twilio/participant-status?legId=00000000-0000-4000-8000-000000000000";
        Map<String, String> form = Map.of("CallSid", "CA0123", "CallStatus", "completed");
        String signed = sign(path, form);

        expectProblem(given().header(TwilioSignature.HEADER, signed)
                .formParams(Map.of("CallSid", "CA0123", "CallStatus", "in-progress")).post(path), 403, "twilio-signature-invalid");
        expectProblem(given().header(TwilioSignature.HEADER, signed).formParams(form).post(path + "x"),
                403, "twilio-signature-invalid");
        expectProblem(given().formParams(form).post(path), 403, "twilio-signature-invalid");
        expectProblem(given().header(TwilioSignature.HEADER, TwilioSignature.sign("another-token", url(path), params(form)))
                .formParams(form).post(path), 403, "twilio-signature-invalid");
        given().header(TwilioSignature.HEADER, signed).formParams(form).post(path).then().statusCode(204);
    }

    private static String sign(String path, Map<String, String> form) {
        return TwilioSignature.sign(AUTH_TOKEN, url(path), params(form));
    }

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static Map<String, List<String>> params(Map<String, String> form) {
        Map<String, List<String>> params = new java.util.HashMap<>();
        form.forEach((k, v) -> params.put(k, List.of(v)));
        return params;
    }
}
