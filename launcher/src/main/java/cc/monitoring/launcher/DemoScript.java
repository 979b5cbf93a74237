package cc.monitoring.launcher;

import cc.monitoring.launcher.Api.Answer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the demos share: the demo users and their tokens, numbered steps printed with the services'
 * real answers, retries while the system catches up, and the rule that a failed step prints why,
 * skips the rest and leaves the stack running.
 */
abstract class DemoScript {

    static final Duration WAIT = Duration.ofSeconds(30);

    protected final JsonNode data;
    protected final String issuer;
    private final String name;
    protected final Instant t0 = Instant.now();
    private int stepNo;

    /** A step that cannot go on; its message says why. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    DemoScript(String name, Path demoData, String issuer) {
        this.name = name;
        try {
            this.data = Api.JSON.readTree(demoData.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + demoData + ": " + e.getMessage(), e);
        }
        this.issuer = issuer;
    }

    /** The story itself; throws {@link StepFailed} when a step cannot go on. */
    protected abstract void play();

    /** Plays the story; returns false (after printing why) when a step failed. */
    final boolean run() {
        try {
            play();
            return true;
        } catch (StepFailed e) {
            Console.line("");
            Console.line("  DEMO STEP FAILED: " + e.getMessage());
            Console.line("  (the rest of the " + name + " is skipped; the stack keeps running — logs in .local/logs/)");
            return false;
        } catch (RuntimeException e) {
            Console.line("");
            Console.line("  DEMO FAILED: " + e);
            Console.line("  (the stack keeps running — logs in .local/logs/)");
            return false;
        }
    }

    protected JsonNode user(String username) {
        for (JsonNode tenant : data.path("tenants")) {
            for (JsonNode u : tenant.path("users")) {
                if (username.equals(u.path("username").asText())) {
                    return u;
                }
            }
        }
        throw new StepFailed("demo user " + username + " is not in deploy/demo-data.json");
    }

    protected String token(String username) {
        try {
            return Oidc.passwordGrant(issuer, data.path("clientId").asText("monitoring-console"), username,
                    data.path("password").asText("demo"));
        } catch (RuntimeException e) {
            throw new StepFailed("no token for " + username + ": " + e.getMessage());
        }
    }

    /**
     * A token of a machine identity of the demo data (an entry with a {@code clientId}, e.g. the user
     * {@code service-account-acme-phone-simulator}): client-credentials grant with its demo secret, never a person's
     * token (B35).
     */
    protected String machineToken(String username) {
        JsonNode account = user(username);
        if (!account.hasNonNull("clientId")) {
            throw new StepFailed(username + " in deploy/demo-data.json is not a machine identity (no clientId)");
        }
        try {
            return Oidc.clientCredentialsGrant(issuer, account.path("clientId").asText(),
                    account.path("clientSecret").asText());
        } catch (RuntimeException e) {
            throw new StepFailed("no token for " + account.path("clientId").asText() + ": " + e.getMessage());
        }
    }

    /** The demo tenant's phone simulator (OPERATE_SIMULATOR): places and hangs up calls. */
    static final String PHONE_SIMULATOR = "service-account-acme-phone-simulator";
    /** The demo tenant's channel platform (HANDLE_CONVERSATIONS): starts chats, posts, ends them. */
    static final String CHANNEL_PLATFORM = "service-account-acme-channel-platform";

    /**
     * The shell functions of the curl hints: {@code token <user>} (a person, password grant) and
     * {@code client_token <clientId>} (a machine identity, client-credentials grant with its demo-only secret).
     */
    protected String tokenFunctions() {
        String tokenUrl = Oidc.tokenEndpoint(issuer);
        return String.join(System.lineSeparator(),
                "  token() { curl -s -d grant_type=password -d client_id=" + data.path("clientId").asText("monitoring-console")
                        + " -d username=\"$1\" -d password=" + data.path("password").asText("demo") + " \\",
                "      " + tokenUrl + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'; }",
                "  client_token() { curl -s -d grant_type=client_credentials -d client_id=\"$1\" -d client_secret=\"$1-demo-secret\" \\",
                "      " + tokenUrl + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'; }   # demo-only secrets");
    }

    /** Calls again while {@code retry} holds (the system is still catching up), for at most {@link #WAIT}. */
    protected Answer retryWhile(Supplier<Answer> call, Predicate<Answer> retry, String why) {
        Instant deadline = Instant.now().plus(WAIT);
        Answer a = call.get();
        boolean said = false;
        while (retry.test(a) && Instant.now().isBefore(deadline)) {
            if (!said) {
                say("(" + why + "; retrying for up to " + WAIT.toSeconds() + " s)");
                said = true;
            }
            sleep(500);
            a = call.get();
        }
        return a;
    }

    protected static void expect(Answer a, String what) {
        if (!a.ok()) {
            throw new StepFailed(what + " → " + a.problem());
        }
    }

    protected void step(String title, String request) {
        Console.line("");
        Console.line(String.format("[%5.1f s] %d. %s", Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                ++stepNo, title));
        Console.line("           " + request);
    }

    protected static void say(String text) {
        Console.line("           " + text);
    }

    protected static String json(Object o) {
        try {
            return Api.JSON.writeValueAsString(o);
        } catch (IOException e) {
            return String.valueOf(o);
        }
    }

    protected static String ms(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() + " ms";
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }
}
