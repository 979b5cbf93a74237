package cc.monitoring.gateway;

import com.sun.management.UnixOperatingSystemMXBean;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long-lived streams do not take the connections ordinary requests need, and are capped per client
 * address and in total (issue 8: 80 open streams of one user stalled every request through the gateway).
 * Caps in the test: 100 per client address, 1,000 in total (see FakeUpstream / application.properties).
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class GatewayStreamsTest {

    @Inject
    ReverseProxy gateway;

    @Test
    void B51_Abuse_aThousandOpenStreamsLeaveOrdinaryRequestsThroughTheGatewayAnswering() throws Exception {
        // client, gateway (both sides) and fake service share this JVM: about 4 descriptors per stream
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            assertTrue(os.getMaxFileDescriptorCount() >= 6000, "this test needs ulimit -n >= 6000 (it is "
                    + os.getMaxFileDescriptorCount() + "): raise the soft limit, e.g. ulimit -n $(ulimit -Hn)");
        }
        List<Double> baseline = restLatencies();
        try (StreamClients clients = new StreamClients(RestAssured.port)) {
            // 10 client addresses x 100 streams, all to transcript-service (the service ordinary requests go to, too)
            for (int address = 0; address < 10; address++) {
                for (int i = 0; i < 100; i++) {
                    clients.open("127.0.0." + (10 + address), "/api/transcripts/i-" + address + "-" + i + "/stream");
                }
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> clients.open.get() + clients.failed.get()
                    + clients.refusedByStatus.values().stream().mapToInt(AtomicInteger::get).sum() >= 1000);
            assertEquals(1000, clients.open.get(), "streams open; refused: " + clients.refusedByStatus + " " + clients.lastRefusal());
            assertEquals(1000, gateway.openStreams());
            assertEquals(1000, FakeUpstream.OPEN_STREAMS.get());

            // ordinary requests, one after the other and 200 at once, to the same services: every one answers 200
            List<Double> during = restLatencies();
            // reported, not asserted (a latency threshold flakes on a loaded 2-core machine): see docs/benchmark.md
            System.out.printf("REST through the gateway, no streams open: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)%n",
                    baseline.get(99), baseline.get(197), baseline.get(199), baseline.size());
            System.out.printf("REST through the gateway, 1000 streams open: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)%n",
                    during.get(99), during.get(197), during.get(199), during.size());
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Future<Integer>> concurrent = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String path = (i % 2 == 0 ? "/api/transcripts/x-" : "/api/me?n=") + i;
                    concurrent.add(pool.submit(() -> given().get(path).statusCode()));
                }
                for (Future<Integer> answer : concurrent) {
                    assertEquals(200, answer.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1000, clients.open.get());
            assertEquals(0, clients.ended.get(), "no stream was dropped meanwhile");

            // the gateway is full: a stream from a new address is refused (429 problem+json, Retry-After)
            clients.open("127.0.0.99", "/api/transcripts/one-too-many/stream");
            await().atMost(Duration.ofSeconds(30)).until(() -> clients.refused(429) == 1);
            assertTrue(clients.lastRefusal().startsWith("429 application/problem+json retry-after=10"), clients.lastRefusal());
            assertTrue(clients.lastRefusal().contains("\"type\":\"urn:problem:monitoring:too-many-streams\""), clients.lastRefusal());
        }
        // the clients went away: the gateway gives back every place and closes every stream to the service
        await().atMost(Duration.ofMinutes(1)).until(() -> gateway.openStreams() == 0);
        await().atMost(Duration.ofMinutes(1)).until(() -> FakeUpstream.OPEN_STREAMS.get() == 0);
    }

    /** 200 ordinary requests one after the other, to transcript-service and monitoring-service; all 200. Sorted ms. */
    private static List<Double> restLatencies() {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            given().get("/api/transcripts/i-0-" + i).then().statusCode(200).body("path", equalTo("/api/transcripts/i-0-" + i));
            millis.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            given().get("/api/monitoring/interactions?page=" + i).then().statusCode(200);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    @Test
    void B51_Abuse_oneClientAddressOpensAtMostItsCapOfStreams() {
        try (StreamClients clients = new StreamClients(RestAssured.port)) {
            for (int i = 0; i < 101; i++) {
                clients.open("127.0.0.50", "/api/transcripts/cap-" + i + "/stream");
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> clients.open.get() == 100 && clients.refused(429) == 1);
            assertTrue(clients.lastRefusal().contains("too-many-streams"), clients.lastRefusal());
            assertTrue(clients.lastRefusal().contains("client address"), clients.lastRefusal());
            assertEquals(100, gateway.openStreams("127.0.0.50"));
            // another address is not affected; nor are ordinary requests from the same address
            clients.open("127.0.0.51", "/api/transcripts/other/stream");
            await().atMost(Duration.ofSeconds(30)).until(() -> clients.open.get() == 101);
            given().get("/api/transcripts/cap-0").then().statusCode(200);
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> gateway.openStreams("127.0.0.50") == 0);
        // places are given back: the same address may stream again
        try (StreamClients again = new StreamClients(RestAssured.port)) {
            again.open("127.0.0.50", "/api/transcripts/again/stream");
            await().atMost(Duration.ofSeconds(30)).until(() -> again.open.get() == 1);
        }
    }
}
