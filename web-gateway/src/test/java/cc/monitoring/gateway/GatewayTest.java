package cc.monitoring.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class GatewayTest {

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
        given().post("/api/monitoring/missing").then().statusCode(404).contentType("application/problem+json")
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
}
