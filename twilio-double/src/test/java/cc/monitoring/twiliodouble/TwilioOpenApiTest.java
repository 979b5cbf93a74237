package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker of the vendored Twilio OpenAPI finds what Twilio would not accept or would not send. */
class TwilioOpenApiTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
    private static final String CONFERENCE = "CF" + "0123456789abcdef0123456789abcdef";
    private static final String PARTICIPANT = "/2010-04-01/Accounts/" + ACCOUNT + "/Conferences/" + CONFERENCE
            + "/Participants/" + "CA" + "0123456789abcdef0123456789abcdef" + ".json";
    private final TwilioOpenApi api = TwilioOpenApi.vendored();

    @Test
    void aConformingParticipantCreateAndUpdatePass() {
        assertEquals(List.of(), api.checkRequest("POST", "/2010-04-01/Accounts/" + ACCOUNT + "/Conferences/" + CONFERENCE
                + "/Participants.json", Map.of("From", List.of("+15005550006"), "To", List.of("client:sup"),
                "Muted", List.of("true"), "StatusCallback", List.of("https://example.com/cb?legId=1"),
                "StatusCallbackEvent", List.of("initiated", "ringing", "answered", "completed"))));
        assertEquals(List.of(), api.checkRequest("POST", PARTICIPANT, Map.of("Coaching", List.of("true"),
                "CallSidToCoach", List.of("CA" + "1".repeat(32)))));
        assertEquals("POST /2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
                api.operation("POST", PARTICIPANT).orElseThrow());
    }

    @Test
    void unknownParametersBadBooleansBadSidsMissingRequiredAndUnknownPathsAreReported() {
        assertTrue(api.checkRequest("POST", PARTICIPANT, Map.of("Mute", List.of("true"))).get(0).contains("Mute"));
        assertTrue(api.checkRequest("POST", PARTICIPANT, Map.of("Muted", List.of("yes"))).get(0).contains("true or false"));
        assertTrue(api.checkRequest("POST", PARTICIPANT, Map.of("CallSidToCoach", List.of("agent-7"))).get(0).contains("CallSidToCoach"));
        assertTrue(api.checkRequest("POST", "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json", Map.of("To", List.of("+1")))
                .contains("required parameter From is missing"));
        assertTrue(api.checkRequest("POST", "/2010-04-01/Accounts/AC1/Calls.json",
                Map.of("To", List.of("+1"), "From", List.of("+2"))).get(0).contains("AccountSid"));
        assertTrue(api.checkRequest("GET", "/2010-04-01/Accounts/" + ACCOUNT + "/Queues.json", Map.of()).get(0)
                .startsWith("no operation"));
        assertTrue(api.checkRequest("POST", PARTICIPANT, Map.of("HoldUrl", List.of("/relative"))).get(0).contains("URL"));
    }

    @Test
    void aResponseMissingAPropertyWithAWrongTypeOrAnExtraPropertyIsReported() {
        String ok = "{\"account_sid\":\"" + ACCOUNT + "\",\"call_sid\":\"CA" + "1".repeat(32) + "\",\"label\":null,"
                + "\"call_sid_to_coach\":null,\"coaching\":false,\"conference_sid\":\"" + CONFERENCE + "\","
                + "\"date_created\":\"Thu, 03 Dec 2026 14:05:54 +0000\",\"date_updated\":\"Thu, 03 Dec 2026 14:05:54 +0000\","
                + "\"end_conference_on_exit\":false,\"muted\":true,\"hold\":false,\"start_conference_on_enter\":true,"
                + "\"status\":\"connected\",\"queue_time\":null,\"uri\":\"/x.json\"}";
        assertEquals(List.of(), api.checkResponse("GET", PARTICIPANT, 200, ok));
        assertTrue(api.checkResponse("GET", PARTICIPANT, 200, ok.replace("\"muted\":true,", "")).get(0).contains("muted"));
        assertTrue(api.checkResponse("GET", PARTICIPANT, 200, ok.replace("\"muted\":true", "\"muted\":\"true\"")).get(0)
                .contains("boolean"));
        assertTrue(api.checkResponse("GET", PARTICIPANT, 200, ok.replace("\"status\":\"connected\"", "\"status\":\"joined\""))
                .get(0).contains("joined"));
        assertTrue(api.checkResponse("GET", PARTICIPANT, 200, ok.replace("Thu, 03 Dec 2026 14:05:54 +0000\",\"date_updated",
                "2026-12-03T14:05:54Z\",\"date_updated")).get(0).contains("RFC 2822"));
        assertTrue(api.checkResponse("GET", PARTICIPANT, 200, ok.replace("{", "{\"extra\":1,")).get(0).contains("extra"));
        assertTrue(api.checkResponse("DELETE", PARTICIPANT, 204, "").isEmpty());
        assertTrue(api.checkResponse("GET", PARTICIPANT, 404,
                "{\"code\":20404,\"message\":\"m\",\"more_info\":\"u\",\"status\":404}").isEmpty());
        assertTrue(!api.checkResponse("GET", PARTICIPANT, 404, "{\"error\":\"nope\"}").isEmpty());
    }
}
