package cc.monitoring.telephony;

import cc.monitoring.testsupport.Tokens;
import cc.monitoring.twiliodouble.TwilioDouble;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway on its Twilio adapter, against the Twilio double (a stand-in for the third-party SaaS, started in
 * this JVM): {@code telephony.provider=twilio}, the double as Twilio's API base URL, and a pool of tenants, each
 * with its own Twilio account in the configuration (the tenant of a callback comes from its AccountSid). The
 * double calls the gateway's webhooks on a fixed port chosen here.
 */
public final class TwilioOnTheDouble implements QuarkusTestProfile {

    /** The number every tenant routes to flow {@link #FLOW}; {@link #PRIVATE_NUMBER} to {@link #PRIVATE_FLOW}. */
    public static final String NUMBER = "+15005550006";
    public static final String FLOW = "support";
    public static final String PRIVATE_NUMBER = "+15005550007";
    public static final String PRIVATE_FLOW = "private";
    /** From of the monitor legs. */
    public static final String CALLER_ID = "+15005550000";
    private static final int TENANTS = 8;

    /** A tenant with its Twilio account. */
    public record Account(String tenant, String sid, String token) {
    }

    public static final int PORT = freePort();
    public static final List<Account> ACCOUNTS = accounts();
    public static final TwilioDouble TWILIO = start();
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A tenant of the pool not used by another test yet (with its account); tests never share one. */
    public static Account nextAccount() {
        int i = NEXT.getAndIncrement();
        if (i >= ACCOUNTS.size()) {
            throw new IllegalStateException("more than " + TENANTS + " Twilio tenants asked for: raise TENANTS");
        }
        return ACCOUNTS.get(i);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(PORT));
        config.put("telephony.provider", "twilio");
        config.put("telephony.twilio.api-base-url", TWILIO.baseUrl());
        config.put("telephony.twilio.webhook-base-url", "http://127.0.0.1:" + PORT);
        config.put("telephony.twilio.request-timeout", "2s");
        for (Account a : ACCOUNTS) {
            String p = "telephony.twilio.accounts." + a.tenant() + ".";
            config.put(p + "account-sid", a.sid());
            config.put(p + "auth-token", a.token());
            config.put(p + "caller-id", CALLER_ID);
            config.put(p + "flows.\"" + NUMBER + "\"", FLOW);
            config.put(p + "flows.\"" + PRIVATE_NUMBER + "\"", PRIVATE_FLOW);
        }
        return config;
    }

    private static List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        Random random = new Random();
        for (int i = 0; i < TENANTS; i++) {
            byte[] sid = new byte[16];
            random.nextBytes(sid);
            accounts.add(new Account(Tokens.uniqueTenant(), "AC" + HexFormat.of().formatHex(sid),
                    UUID.randomUUID().toString().replace("-", "")));
        }
        return List.copyOf(accounts);
    }

    private static TwilioDouble start() {
        TwilioDouble.Options options = TwilioDouble.Options.onFreePort();
        for (Account a : ACCOUNTS) {
            options.account(a.sid(), a.token(), "http://127.0.0.1:" + PORT);
        }
        return TwilioDouble.start(options);
    }

    /** A free loopback port below the ephemeral range, so no outgoing connection takes it before Quarkus listens. */
    private static int freePort() {
        Random random = new Random();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }
}
