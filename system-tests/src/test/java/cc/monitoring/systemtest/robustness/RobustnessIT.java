package cc.monitoring.systemtest.robustness;

import cc.monitoring.systemtest.Client;
import cc.monitoring.systemtest.Service;
import cc.monitoring.systemtest.SystemUnderTest;
import cc.monitoring.systemtest.SystemUnderTestExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generated security and robustness suite (issue 8): every operation of every service, as each service's own
 * OpenAPI document lists it, asked by every role of two tenants and by callers with no or a bad token, aimed at the
 * own tenant's real resources, at the other tenant's, and at garbage; with abusive paging and bodies. Every answer
 * is held to the rules in {@link Verdicts}: never a 5xx, problem+json on every 4xx, 401 for bad tokens, 413 for a
 * 10 MB body, nothing of another tenant (B06), nothing of a monitor for an agent (B07), ids and pages bounded.
 * <p>
 * All requests are sent first (reads, then writes, then deletes, four at a time), then one test per endpoint
 * reports that endpoint's violations, and a last test reports them all in one table and logs the summary line
 * {@code robustness: N requests, N endpoints, N × 5xx}. Files under {@code target/robustness/}: the OpenAPI
 * documents, {@code report.md} (the table) and {@code violations.txt} (one line per offending request).
 */
@ExtendWith(SystemUnderTestExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("B06 B07 B41 robustness: every endpoint of every service, every caller, abusive input")
class RobustnessIT {

    private static final int THREADS = 4;

    private final Client client;
    private final SystemUnderTest sut;
    private final RawHttp http = new RawHttp();
    private final Path out;

    RobustnessIT(Client client) {
        this.client = client;
        this.sut = client.sut();
        this.out = Path.of(System.getProperty("systemtest.work", "target")).resolve("robustness");
    }

    @TestFactory
    @DisplayName("B06 B07 B41: no 5xx, problem+json on every 4xx, 401/403/404 as intended, nothing of another tenant")
    Stream<DynamicNode> B06_B07_B41_everyEndpointAnswersSafelyWhoeverAsksWithWhatever() throws Exception {
        Instant t0 = Instant.now();
        List<TenantFixture> tenants = setUpTenants();
        Duration setUp = Duration.between(t0, Instant.now());

        Map<Service, List<Endpoint>> endpoints = discover();
        int endpointCount = endpoints.values().stream().mapToInt(List::size).sum();

        ProbePlan plan = new ProbePlan(tenants.get(0), tenants.get(1));
        Map<Endpoint, List<Probe>> probes = new LinkedHashMap<>();
        endpoints.values().forEach(list -> list.forEach(e -> probes.put(e, plan.probes(e))));
        List<Probe> all = probes.values().stream().flatMap(List::stream).toList();

        Instant t1 = Instant.now();
        Map<Probe, RawHttp.Answer> answers = send(all);
        Duration sending = Duration.between(t1, Instant.now());

        Verdicts verdicts = new Verdicts(tenants);
        Map<Endpoint, List<Verdicts.Violation>> byEndpoint = new LinkedHashMap<>();
        List<Verdicts.Violation> violations = new ArrayList<>();
        for (Map.Entry<Endpoint, List<Probe>> entry : probes.entrySet()) {
            List<Verdicts.Violation> found = new ArrayList<>();
            for (Probe p : entry.getValue()) {
                found.addAll(verdicts.judge(p, answers.get(p)));
            }
            byEndpoint.put(entry.getKey(), found);
            violations.addAll(found);
        }
        long fiveHundreds = answers.values().stream().filter(a -> a.status() >= 500).count();
        long slowest = answers.values().stream().mapToLong(RawHttp.Answer::millis).max().orElse(0);
        String summary = String.format("robustness: %d requests, %d endpoints, %d × 5xx", all.size(), endpointCount,
                fiveHundreds);
        String table = Report.table(violations);
        String statuses = Report.statuses(answers);
        write(violations, table, summary, statuses);
        System.out.println("robustness answers by service and status:\n" + statuses);
        List<String> untested = vacuous(endpoints.keySet(), answers);
        List<String> aftermath = aftermath(tenants);
        aftermath.forEach(a -> System.out.println("robustness aftermath: " + a));
        System.out.printf("%n%s (%d violations; set-up %.1f s, requests %.1f s, slowest answer %d ms)%n", summary,
                violations.size(), setUp.toMillis() / 1000.0, sending.toMillis() / 1000.0, slowest);
        tenants.forEach(t -> t.notes.forEach(n -> System.out.println("robustness note (" + t + "): " + n)));
        if (!violations.isEmpty()) {
            System.out.println("robustness violations by service and cause:\n" + Report.causes(violations));
        }

        List<DynamicNode> nodes = new ArrayList<>();
        endpoints.forEach((service, list) -> nodes.add(DynamicContainer.dynamicContainer(service.module(),
                list.stream().map(e -> DynamicTest.dynamicTest("B06 B07 B41 " + e.name(), () -> {
                    List<Verdicts.Violation> found = byEndpoint.get(e);
                    if (!found.isEmpty()) {
                        fail(e + ": " + found.size() + " violation(s) of " + probes.get(e).size() + " requests\n"
                                + Report.table(found));
                    }
                })))));
        nodes.add(DynamicTest.dynamicTest(summary, () -> {
            if (!untested.isEmpty()) {
                fail("no request by a user with their own tenant's ids succeeded on " + untested
                        + ": the suite reached nothing behind the refusals there\n" + statuses);
            }
            if (!aftermath.isEmpty()) {
                fail("after the run: " + String.join("\n", aftermath));
            }
            if (!violations.isEmpty()) {
                fail(summary + ": " + violations.size() + " violation(s); by service and cause:\n"
                        + Report.causes(violations) + "\n" + table);
            }
        }));
        return nodes.stream();
    }

    /** Both tenants at once (each waits on the services' read models a few times). */
    private List<TenantFixture> setUpTenants() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TenantFixture> a = pool.submit(() -> new TenantFixture("A").setUp(client));
            Future<TenantFixture> b = pool.submit(() -> new TenantFixture("B").setUp(client));
            return List.of(a.get(), b.get());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every service's operations from its OpenAPI document; a service without any is a failure, not a pass. */
    private Map<Service, List<Endpoint>> discover() {
        Map<Service, List<Endpoint>> endpoints = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            JsonNode document = OpenApiDocuments.fetch(http, service, sut.url(service), out);
            List<Endpoint> list = OpenApiDocuments.endpoints(service, document).stream()
                    .sorted(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method)).toList();
            assertFalse(list.isEmpty(), service.module() + "'s OpenAPI document lists no operation");
            endpoints.put(service, list);
        }
        return endpoints;
    }

    /** Reads, then writes, then deletes; {@value #THREADS} requests at a time within each phase. */
    private Map<Probe, RawHttp.Answer> send(List<Probe> probes) {
        Map<Probe, RawHttp.Answer> answers = Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int phase = 0; phase < 3; phase++) {
                int p = phase;
                List<CompletableFuture<Void>> running = probes.stream().filter(probe -> probe.phase() == p)
                        .map(probe -> CompletableFuture.runAsync(() -> answers.put(probe, http.send(
                                sut.url(probe.endpoint().service()), probe.endpoint().method(), probe.pathAndQuery(),
                                probe.caller().token(), probe.body(), probe.contentType())), pool))
                        .toList();
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    /**
     * What the abuse left behind: every service must still be ready (its database and Kafka consumers up), and no
     * event of the two tenants may have been parked on a dead-letter topic (an input the API accepted but a
     * consumer could not handle). The dead-letter check reads what is there when the requests are done; an event
     * parked later is not seen (it never fails the run wrongly).
     */
    private List<String> aftermath(List<TenantFixture> tenants) {
        List<String> problems = new ArrayList<>();
        for (Service service : Service.values()) {
            RawHttp.Answer ready = http.send(sut.url(service), "GET", "/q/health/ready", null, null, null);
            if (ready.status() != 200) {
                problems.add(service.module() + " is not ready after the run: " + Report.answer(ready) + " "
                        + Report.excerpt(ready.body(), 300));
            }
        }
        for (TenantFixture t : tenants) {
            try {
                client.events(t.tenant).assertNothingDeadLettered();
            } catch (AssertionError e) {
                problems.add("tenant " + t + ": events were dead-lettered: " + Report.excerpt(e.getMessage(), 2000));
            }
        }
        return problems;
    }

    /**
     * Services on which no user's plain request (own tenant's ids) got a 2xx: if tokens or fixtures were broken,
     * every answer would be a tidy 401 or 404 and the suite would pass while testing nothing.
     */
    private static List<String> vacuous(java.util.Set<Service> services, Map<Probe, RawHttp.Answer> answers) {
        List<String> untested = new ArrayList<>();
        for (Service service : services) {
            boolean reached = answers.entrySet().stream().anyMatch(a -> a.getKey().endpoint().service() == service
                    && a.getKey().caller().hasValidToken() && a.getKey().input().equals("own ids")
                    && a.getValue().status() >= 200 && a.getValue().status() < 300);
            if (!reached) {
                untested.add(service.module());
            }
        }
        return untested;
    }

    private void write(List<Verdicts.Violation> violations, String table, String summary, String statuses) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.md"), "# " + summary + "\n\n## Answers\n" + statuses + "\n"
                    + "## " + violations.size() + " violation(s)\n\n" + Report.causes(violations) + "\n" + table);
            Files.write(out.resolve("violations.txt"), Report.lines(violations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
