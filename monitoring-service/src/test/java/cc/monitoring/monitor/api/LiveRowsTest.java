package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.live.LiveSubscription;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.service.LiveRows;
import cc.monitoring.monitor.service.LiveUpdates;
import cc.monitoring.testsupport.Tokens;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static cc.monitoring.monitor.api.World.desk;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B51: a table event carries the changed row as its console's user sees it (or its removal), computed once per change. */
@QuarkusTest
class LiveRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(10);

    @TestHTTPResource("/api/monitoring/stream")
    URI stream;

    @Inject
    LiveRows liveRows;

    @Inject
    LiveUpdates liveUpdates;

    @Inject
    Directory directory;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void B51_aTableEventCarriesTheChangedRowAsTheCallerSeesIt() {
        World world = new World();
        world.supervisor("sam");
        Events sam = open(world, "sam");
        try {
            World.Call call = world.call("adam", "sam");
            String session = world.monitor("sam", call.interactionId(), desk("sam").address());
            world.legConnected(call, session);
            await().atMost(SOON).untilAsserted(() ->
                    assertEquals(item(world, "sam", call.interactionId()), sam.lastRow(call.interactionId())));
            Map<String, Object> row = sam.lastRow(call.interactionId());
            assertEquals(1, ((List<?>) row.get("monitors")).size(), row.toString());
            assertTrue(sam.lines.stream().noneMatch(line -> line.equals("data:{\"interactionId\":\"" + call.interactionId() + "\"}")),
                    "every table event about a row carries the row");
        } finally {
            sam.close();
        }
    }

    @Test
    void B06_anotherTenantsRowsAreNeverSent_otherTenantsConsolesReceiveNothing() {
        World mine = new World();
        World other = new World();
        mine.supervisor("sam");
        other.supervisor("gus");
        Events sam = open(mine, "sam");
        Events gus = open(other, "gus");
        try {
            World.Call theirs = other.call("gail", "gus");
            await().atMost(SOON).until(() -> gus.lastRow(theirs.interactionId()) != null);
            World.Call ours = mine.call("adam", "sam");
            await().atMost(SOON).until(() -> sam.lastRow(ours.interactionId()) != null);
            assertTrue(sam.lines.stream().noneMatch(line -> line.contains(theirs.interactionId())), sam.lines.toString());
            assertTrue(gus.lines.stream().noneMatch(line -> line.contains(ours.interactionId())), gus.lines.toString());
        } finally {
            sam.close();
            gus.close();
        }
    }

    @Test
    void B08_aToggledOffFlowsRowIsRemovedNotSent() throws Exception {
        World world = new World();
        world.supervisor("sam");
        Events sam = open(world, "sam");
        try {
            String hidden = world.startInteraction(Channel.CHAT, "anna", false, null).interactionId();
            String shown = world.chat("anna", "sam");
            world.message(hidden, 1);
            world.message(shown, 1);
            await().atMost(SOON).until(() -> sam.lastRow(shown) != null
                    && Objects.equals(sam.lastRow(shown).get("lastMessageSeq"), 1));
            await().atMost(SOON).until(() -> sam.removed(hidden));
            assertTrue(sam.rows(hidden).isEmpty(), "a row of a flow without Silent Monitoring is never sent");

            // the flow's toggle goes off for a row that was shown: the next change removes it from the console
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement off = connection.prepareStatement(
                         "update interaction set silent_monitoring = false where interaction_id = ?")) {
                off.setString(1, shown);
                off.executeUpdate();
            }
            int rowsBefore = sam.rows(shown).size();
            world.message(shown, 2);
            await().atMost(SOON).until(() -> sam.removed(shown));
            assertEquals(rowsBefore, sam.rows(shown).size(), "no row after the toggle went off");
        } finally {
            sam.close();
        }
    }

    @Test
    void B52_whyNotMonitorInTheDeltaIsTheSubscribers() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        Events sam = open(world, "sam");
        Events sue = open(world, "sue");
        try {
            World.Call suesOwn = world.call("sue", "sam"); // sue is the agent on it (B05)
            await().atMost(SOON).untilAsserted(() -> {
                assertEquals(item(world, "sam", suesOwn.interactionId()), sam.lastRow(suesOwn.interactionId()));
                assertEquals(item(world, "sue", suesOwn.interactionId()), sue.lastRow(suesOwn.interactionId()));
            });
            Map<?, ?> samMay = (Map<?, ?>) sam.lastRow(suesOwn.interactionId()).get("monitor");
            Map<?, ?> sueMay = (Map<?, ?>) sue.lastRow(suesOwn.interactionId()).get("monitor");
            assertEquals(true, samMay.get("allowed"));
            assertEquals(false, sueMay.get("allowed"));
            assertTrue(sueMay.get("reason") != null);

            // sam monitors another call by voice: now sam's Monitor on sue's call is disabled too (one voice call)
            World.Call other = world.call("adam", "sam");
            String session = world.monitor("sam", other.interactionId(), desk("sam").address());
            world.legConnected(other, session);
            world.message(suesOwn.interactionId(), 1); // any change of sue's call's row
            await().atMost(SOON).untilAsserted(() ->
                    assertEquals(item(world, "sam", suesOwn.interactionId()), sam.lastRow(suesOwn.interactionId())));
            assertEquals(false, ((Map<?, ?>) sam.lastRow(suesOwn.interactionId()).get("monitor")).get("allowed"));
        } finally {
            sam.close();
            sue.close();
        }
    }

    @Test
    void B11_newDetailsInTheDeltaFollowsTheSubscribersReadPosition() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        Events sam = open(world, "sam");
        Events sue = open(world, "sue");
        try {
            String chat = world.chat("anna", "sam");
            world.message(chat, 1);
            await().atMost(SOON).until(() -> newDetails(sam, chat, 1) == Boolean.TRUE && newDetails(sue, chat, 1) == Boolean.TRUE);

            world.read("sam", chat, 1);
            await().atMost(SOON).until(() -> newDetails(sam, chat, 1) == Boolean.FALSE);
            assertEquals(Boolean.TRUE, newDetails(sue, chat, 1), "sue has not read it");

            world.message(chat, 2);
            await().atMost(SOON).until(() -> newDetails(sam, chat, 2) == Boolean.TRUE && newDetails(sue, chat, 2) == Boolean.TRUE);
            await().atMost(SOON).untilAsserted(() -> assertEquals(item(world, "sam", chat), sam.lastRow(chat)));
        } finally {
            sam.close();
            sue.close();
        }
    }

    @Test
    void B51_oneChangeIsReadOnceForFiftyConsoles_noQueryPerSubscriber() {
        World world = new World();
        int consoles = 50;
        List<List<LiveRows.Event>> received = new ArrayList<>();
        List<LiveSubscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < consoles; i++) {
            world.supervisor("s" + i);
        }
        String chat = world.chat("anna", "s0");
        for (int i = 0; i < consoles; i++) {
            Caller caller = new Caller(world.tenant, "s" + i, "S " + i, Set.of());
            List<LiveRows.Event> events = new CopyOnWriteArrayList<>();
            received.add(events);
            subscriptions.add(liveRows.register(caller,
                    QuarkusTransaction.requiringNew().call(() -> directory.supervisor(caller)), events::add));
        }
        try {
            world.read("s7", chat, 0);
            world.message(chat, 1); // the first change reads who each console's user is (once per user)
            await().atMost(SOON).until(() -> received.stream().allMatch(e -> seq(e, chat) == 1));

            long[] before = received.stream().mapToLong(e -> deltas(e, chat)).toArray();
            Statistics statistics = sessionFactory.getStatistics();
            statistics.setStatisticsEnabled(true);
            statistics.clear();
            QuarkusTransaction.requiringNew().run(() -> liveUpdates.tableChanged(world.tenant, chat));
            await().atMost(SOON).until(() -> {
                for (int i = 0; i < consoles; i++) {
                    if (deltas(received.get(i), chat) <= before[i]) {
                        return false;
                    }
                }
                return true;
            });
            long statements = statistics.getPrepareStatementCount();
            statistics.setStatisticsEnabled(false);
            // the interaction, its monitors, the read positions of all 50 (plus whatever ran meanwhile): not 50+
            assertTrue(statements < 20, "statements for one change to " + consoles + " consoles: " + statements);
            // consoles that see the row alike share one delta (encoded once)
            assertEquals(1, received.stream().map(e -> last(e, chat)).distinct().count());
        } finally {
            subscriptions.forEach(LiveSubscription::close);
        }
    }

    private static long deltas(List<LiveRows.Event> events, String interactionId) {
        return events.stream().filter(e -> e instanceof LiveRows.RowChanged r
                && r.delta().interactionId().equals(interactionId)).count();
    }

    private static LiveRows.Delta last(List<LiveRows.Event> events, String interactionId) {
        LiveRows.Delta found = null;
        for (LiveRows.Event e : events) {
            if (e instanceof LiveRows.RowChanged r && r.delta().interactionId().equals(interactionId)) {
                found = r.delta();
            }
        }
        return found;
    }

    private static long seq(List<LiveRows.Event> events, String interactionId) {
        LiveRows.Delta delta = last(events, interactionId);
        return delta == null || delta.row().isEmpty() ? -1 : delta.row().get().interaction().lastMessageSeq;
    }

    private static Boolean newDetails(Events events, String interactionId, int seq) {
        Map<String, Object> row = events.lastRow(interactionId);
        return row == null || !Objects.equals(row.get("lastMessageSeq"), seq) ? null : (Boolean) row.get("newDetails");
    }

    private static Map<String, Object> item(World world, String userId, String interactionId) {
        String body = world.as(userId).get("/api/monitoring/interactions").then().statusCode(200).extract().asString();
        try {
            Map<String, Object> page = JSON.readValue(body, new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("items");
            return rows.stream().filter(r -> interactionId.equals(r.get("interactionId"))).findFirst().orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** The lines of one open stream. */
    private final class Events {
        final List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<?> running;

        List<Map<String, Object>> data(String interactionId) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("data:{\"interactionId\":\"" + interactionId + "\"")) {
                    try {
                        all.add(JSON.readValue(line.substring("data:".length()), new TypeReference<>() {
                        }));
                    } catch (Exception e) {
                        throw new IllegalStateException(line, e);
                    }
                }
            }
            return all;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows(String interactionId) {
            return data(interactionId).stream().filter(d -> d.get("row") != null)
                    .map(d -> (Map<String, Object>) d.get("row")).toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> lastRow(String interactionId) {
            List<Map<String, Object>> all = data(interactionId);
            return all.isEmpty() ? null : (Map<String, Object>) all.get(all.size() - 1).get("row");
        }

        boolean removed(String interactionId) {
            return data(interactionId).stream().anyMatch(d -> Boolean.TRUE.equals(d.get("removed")));
        }

        void close() {
            running.cancel(true);
        }
    }

    private Events open(World world, String userId) {
        Events events = new Events();
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + Tokens.user(world.tenant, userId).sign())
                .header("Accept", "text/event-stream")
                .GET().build();
        events.running = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.map(line -> line.replaceFirst("^data: ", "data:").replaceFirst("^event: ", "event:"))
                                .forEach(events.lines::add);
                    }
                });
        await().atMost(SOON).until(() -> events.lines.contains("event:hello"));
        assertFalse(events.lines.isEmpty());
        return events;
    }
}
