package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Injected 429/5xx answers, timeouts and dropped connections, applied or not, then normal service again. */
class FaultsTest extends DoubleFixture {

    private static final String PARTICIPANTS = ".*/Participants\\.json";

    @Override
    TwilioDouble.Options options() {
        return super.options().timeoutHold(Duration.ofMinutes(5)); // released when the double closes
    }

    @Test
    void the429AndThe503AreTwiliosErrorsAndTheRequestHasNoEffect() throws IOException {
        String[] call = customerAndAgent();
        twilio.faults().next("POST", PARTICIPANTS, 429, 1).next("POST", PARTICIPANTS, 503, 1);
        TwilioClient.Answer limited = create(call[2], "monitor-leg-1");
        assertEquals(429, limited.status());
        assertEquals(20429, limited.json().path("code").asInt());
        assertEquals("https://www.twilio.com/docs/errors/20429", limited.json().path("more_info").asText());
        TwilioClient.Answer unavailable = create(call[2], "monitor-leg-1");
        assertEquals(503, unavailable.status());
        assertEquals(20503, unavailable.json().path("code").asInt());
        assertEquals(2, twilio.conference(ACCOUNT, call[2]).participants().size(), "nobody was added");
        assertEquals(201, create(call[2], "monitor-leg-1").status(), "the faults are used up");
    }

    @Test
    void aFaultRepeatsTheGivenNumberOfTimesAndOnlyForItsMethodAndPath() throws IOException {
        String[] call = customerAndAgent();
        twilio.faults().next("POST", PARTICIPANTS, 500, 2);
        assertEquals(200, client.get("/Conferences/" + call[2] + "/Participants.json").status(), "GET is not POST");
        assertEquals(500, create(call[2], "m").status());
        assertEquals(500, create(call[2], "m").status());
        assertEquals(201, create(call[2], "m").status());
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAndDropAfterApplyingStillAddsTheParticipant() throws IOException {
        String[] call = customerAndAgent();
        twilio.faults().drop("POST", PARTICIPANTS, 1);
        assertThrows(IOException.class, () -> create(call[2], "monitor-leg-1"));
        assertEquals(2, twilio.conference(ACCOUNT, call[2]).participants().size());
        twilio.faults().dropAfterApplying("POST", PARTICIPANTS, 1);
        assertThrows(IOException.class, () -> create(call[2], "monitor-leg-1"));
        twilio.settle();
        assertEquals("connected", twilio.conference(ACCOUNT, call[2]).participant("monitor-leg-1").orElseThrow().status());
        assertEquals(400, create(call[2], "monitor-leg-1").status(), "a retry finds the label taken (16026)");
    }

    @Test
    void aTimeoutAnswersNothingWithinTheClientsTimeout() throws IOException {
        String[] call = customerAndAgent();
        twilio.faults().timeoutAfterApplying("POST", ".*/Participants/agent\\.json", 1);
        client.timeout = Duration.ofMillis(300);
        assertThrows(HttpTimeoutException.class,
                () -> client.post("/Conferences/" + call[2] + "/Participants/agent.json", "Muted", "true"));
        assertEquals(true, twilio.conference(ACCOUNT, call[2]).participant("agent").orElseThrow().muted(),
                "applied although never answered");
        assertEquals(0, twilio.requests().get(twilio.requests().size() - 1).status());
    }

    @Test
    void aHeldRequestWaitsUnappliedUntilReleasedAndIsThenDropped() throws Exception {
        String[] call = customerAndAgent();
        twilio.faults().hold("POST", PARTICIPANTS, 1);
        java.util.concurrent.CompletableFuture<TwilioClient.Answer> inFlight = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return create(call[2], "monitor-leg-1");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> twilio.faults().held() == 1);
        assertEquals(false, inFlight.isDone(), "held: no answer");
        assertEquals(2, twilio.conference(ACCOUNT, call[2]).participants().size(), "held: not applied");
        assertEquals(0, twilio.requests().get(twilio.requests().size() - 1).status(), "recorded as unanswered");
        twilio.faults().release();
        java.util.concurrent.ExecutionException dropped = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> inFlight.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(true, dropped.getCause() instanceof java.io.UncheckedIOException, dropped.toString());
        assertEquals(0, twilio.faults().held());
        assertEquals(2, twilio.conference(ACCOUNT, call[2]).participants().size(), "released: dropped, not applied");
        assertEquals(201, create(call[2], "monitor-leg-1").status(), "the fault is used up");
    }

    private TwilioClient.Answer create(String conference, String label) throws IOException {
        return client.post("/Conferences/" + conference + "/Participants.json",
                "From", "+15559870002", "To", "client:supervisor-1", "Label", label);
    }
}
