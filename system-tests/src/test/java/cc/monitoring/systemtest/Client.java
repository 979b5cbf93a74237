package cc.monitoring.systemtest;

import cc.monitoring.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a test needs to play a client of the system: users with real tokens, their REST APIs, a tenant's events on
 * Kafka, and waiting for eventually consistent answers.
 */
public final class Client {

    private final SystemUnderTest sut;

    public Client(SystemUnderTest sut) {
        this.sut = sut;
    }

    public SystemUnderTest sut() {
        return sut;
    }

    /** A fresh tenant id: each test class works in its own tenant on the shared system. */
    public static String newTenant() {
        return Tokens.uniqueTenant();
    }

    /**
     * A user with a signed token ({@code sub} = id, {@code tenant}, {@code name}, {@code groups}, audience
     * {@value SystemUnderTest#AUDIENCE}). The groups only matter on the user's first call to permission-service,
     * which provisions them with the first group that names a role; afterwards the stored role decides.
     */
    public User user(String tenant, String id, String name, String... groups) {
        String token = Tokens.user(tenant, id).name(name).groups(groups).audience(SystemUnderTest.AUDIENCE)
                .lifespan(Duration.ofHours(2)).sign();
        return new User(tenant, id, name, token, sut);
    }

    public Events events(String tenant) {
        return new Events(sut.kafkaBootstrapServers(), tenant);
    }

    /** Polls {@code call} until {@code done} accepts its JSON answer (at most 30 s) and returns that answer. */
    public static JsonNode awaitJson(String what, Supplier<JsonNode> call, Predicate<JsonNode> done) {
        return awaitJson(what, call, done, Duration.ofSeconds(30));
    }

    public static JsonNode awaitJson(String what, Supplier<JsonNode> call, Predicate<JsonNode> done, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(150))
                    .until(() -> {
                        JsonNode answer = call.get();
                        last.set(answer);
                        return answer;
                    }, done::test);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " not reached within " + timeout + "; last answer: " + last.get(), e);
        }
    }

    /** Polls {@code call} until it answers {@code status} (e.g. while a read model catches up) and returns that reply. */
    public static Reply awaitStatus(String what, Supplier<Reply> call, int status) {
        AtomicReference<Reply> last = new AtomicReference<>();
        try {
            return Awaitility.await(what)
                    .atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(150))
                    .until(() -> {
                        Reply reply = call.get();
                        last.set(reply);
                        return reply;
                    }, r -> r.status() == status);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Reply r = last.get();
            throw new AssertionError(what + ": no " + status + " within 30 s; last: "
                    + (r == null ? "none" : r.request() + " -> " + r.status() + " " + r.body()), e);
        }
    }
}
