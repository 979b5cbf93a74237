package cc.monitoring.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class GatewayTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void apiRequestsReachTheirServiceWithPathQueryAndToken() {
        given().header("Authorization", "Bearer abc").get("/api/monitoring/interactions?state=ACTIVE&page=1")
                .then().statusCode(200)
                .body("path", equalTo("/api/monitoring/interactions?state=ACTIVE&page=1"))
                .body("authorization", equalTo("Bearer abc"));
        given().get("/api/me").then().statusCode(200).body("path", equalTo("/api/me"));
    }

    @Test
    void errorsOfAServiceComeBackAsTheyAre() {
        given().post("/api/monitoring/missing").then().statusCode(404).contentType(PROBLEM)
                .body("method", equalTo("POST"));
    }

    @Test
    void B51_serverSentEventsPassThrough() {
        given().accept("text/event-stream").get("/api/monitoring/stream").then().statusCode(200)
                .body(containsString("data: 1")).body(containsString("data: 3"));
    }

    @Test
    void theConsoleIsServedWithItsSignInSettings() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/console-config.json").then().statusCode(200)
                .body("clientId", equalTo("monitoring-console"))
                .body("issuer", equalTo("http://127.0.0.1:8180/realms/monitoring"));
    }

    @Test
    void theApiReferencePageListsTheFiveServicesWithHeadingsAndALandmark() {
        given().redirects().follow(false).get("/api-docs").then().statusCode(302).header("Location", endsWith("/api-docs/"));
        String page = given().get("/api-docs/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(page.contains("<html lang=\"en\">") && page.contains("<main id=\"main\"")
                && page.contains("<h1>") && page.contains("class=\"skip\" href=\"#main\""), page);
        assertTrue(page.contains("name=\"viewport\" content=\"width=device-width"), "readable at phone width");
        String script = given().get("/api-docs/reference.js").then().statusCode(200).extract().asString();
        for (String service : ApiDocs.SERVICES.keySet()) {
            assertTrue(script.contains("'" + service + "'"), "the page lists " + service);
        }
        given().get("/api-docs/reference.css").then().statusCode(200);
    }

    @Test
    void theApiReferenceFetchesNothingFromTheInternet() {
        for (String file : new String[] {"/api-docs/", "/api-docs/reference.js", "/api-docs/reference.css"}) {
            String text = given().get(file).then().statusCode(200).extract().asString();
            assertFalse(text.matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/.*"), file + " names another host");
        }
    }

    @Test
    void theApiDocumentOfAServiceIsTheOneTheServiceServes() {
        given().get("/api-docs/openapi/monitoring-service.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("path", equalTo("/q/openapi?format=json"))
                .body("method", equalTo("GET"));
        given().get("/api-docs/openapi/permission-service.json").then().statusCode(200)
                .body("path", equalTo("/q/openapi?format=json"));
    }

    @Test
    void anUnknownApiDocumentIs404AndADownServiceIs502() {
        given().get("/api-docs/openapi/billing-service.json").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:not-found"));
        given().get("/api-docs/openapi/monitoring-service.yaml").then().statusCode(404).contentType(PROBLEM);
        // telephony points at a port where nothing listens (FakeUpstream)
        given().get("/api-docs/openapi/telephony-gateway.json").then().statusCode(502).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:upstream-unavailable"));
    }

    @Test
    void B41_servicesLearnTheRealClientAddressNotWhatTheClientClaims() {
        given().header("X-Forwarded-For", "203.0.113.7").header("Forwarded", "for=203.0.113.7")
                .get("/api/monitoring/interactions")
                .then().statusCode(200)
                .body("forwardedFor.size()", equalTo(1))
                .body("forwardedFor[0]", equalTo("127.0.0.1"));
    }

    @Test
    void B41_aSaneRequestIdIsKeptAndReturned() {
        given().header("X-Request-Id", "console-42.a_b-c").get("/api/monitoring/interactions")
                .then().statusCode(200)
                .header("X-Request-Id", "console-42.a_b-c")
                .body("requestId", equalTo("console-42.a_b-c"));
    }

    @Test
    void B41_aMissingOrInsaneRequestIdIsReplacedByAGeneratedOne() {
        for (String insane : new String[] {null, "x".repeat(65), "has space", "semi;colon", "<script>"}) {
            var request = given();
            if (insane != null) {
                request.header("X-Request-Id", insane);
            }
            Response response = request.get("/api/monitoring/interactions");
            response.then().statusCode(200)
                    .header("X-Request-Id", matchesPattern("[A-Za-z0-9._-]{1,64}"))
                    .body("requestId", matchesPattern("[A-Za-z0-9._-]{1,64}"));
            if (insane != null) {
                response.then().body("requestId", not(equalTo(insane)));
            }
            assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("requestId"));
        }
    }

    @Test
    void Abuse_aDeclaredOversizedBodyIs413ProblemJson() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        given().contentType("application/json").body(tenMegabytes).post("/api/monitoring/sessions")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:payload-too-large"))
                .body("status", equalTo(413));
        // not only on the API: the console's paths answer the same way
        given().contentType("application/json").body(tenMegabytes).post("/console-config.json")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void Abuse_aStreamedOversizedBodyWithoutLengthIs413ProblemJson() {
        // an InputStream body is sent chunked: no Content-Length, the gateway counts
        given().contentType("application/json").body(new ByteArrayInputStream(new byte[2 * 1024 * 1024]))
                .post("/api/monitoring/sessions")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:payload-too-large"));
    }

    @Test
    void aBodyWithinTheLimitReachesTheService() {
        given().contentType("application/json").body(new byte[512 * 1024]).post("/api/monitoring/sessions")
                .then().statusCode(200).body("bodyBytes", equalTo(512 * 1024));
        given().contentType("application/json").body(new ByteArrayInputStream(new byte[100_000]))
                .post("/api/monitoring/sessions")
                .then().statusCode(200).body("bodyBytes", equalTo(100_000));
    }

    @Test
    void answersWithoutABodyPassThrough() {
        given().delete("/api/monitoring/empty").then().statusCode(204).header("Transfer-Encoding", (String) null);
        given().head("/api/monitoring/interactions").then().statusCode(200);
        given().header("Expect", "100-continue").contentType("application/json").body("{\"a\":1}")
                .post("/api/monitoring/sessions").then().statusCode(200).body("bodyBytes", equalTo(7));
    }

    @Test
    void Abuse_aServiceThatIsDownIs502ProblemJson() {
        given().get("/api/telephony/calls").then().statusCode(502).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:upstream-unavailable"))
                .body("instance", equalTo("/api/telephony/calls"));
    }

    @Test
    void Abuse_anUnknownApiPathIs404ProblemJson() {
        given().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:not-found"));
    }
}
