package cc.monitoring.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Twilio double ({@code twilio-double}, a faithful stand-in for Twilio's REST API and webhooks) as a
 * process of the local stack, for {@code bin/stack up --provider twilio}: one Twilio account per demo tenant,
 * whose Voice webhook is telephony-gateway's {@code /api/telephony/twilio/voice}. Every start draws new auth
 * tokens; they are written to files under {@code .local/twilio/} (owner-only) that the double and the gateway
 * read, never passed on a command line.
 */
public final class TwilioDoubleProcess implements StackComponent {

    public static final int DEFAULT_PORT = 8086;
    public static final String NAME = "twilio-double";
    /** The number every demo account routes to flow {@code support} (Twilio's magic test number). */
    public static final String DEMO_NUMBER = "+15005550006";

    /** A demo tenant's Twilio account. */
    public record Account(String tenant, String accountSid, Path authTokenFile) {
    }

    private final StackPaths paths;
    private final int port;
    private final String gatewayBaseUrl;
    private final List<Account> accounts = new ArrayList<>();
    private volatile ManagedProcess process;
    private Duration startupTime = Duration.ZERO;

    public TwilioDoubleProcess(StackPaths paths, int port, String gatewayBaseUrl, List<String> tenants) {
        this.paths = paths;
        this.port = port;
        this.gatewayBaseUrl = gatewayBaseUrl;
        Path dir = paths.data("twilio");
        for (String tenant : tenants) {
            accounts.add(new Account(tenant, accountSid(tenant), dir.resolve(tenant + ".token")));
        }
    }

    /** A stable, well-formed AccountSid per tenant ({@code AC} + 32 hex digits). */
    static String accountSid(String tenant) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(("demo-twilio-" + tenant).getBytes(StandardCharsets.UTF_8));
            return "AC" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The classpath of the double: its jar and its runtime dependencies (Jackson: its own {@code target/lib} when
     * it copies them, else the launcher's, which holds the same Jackson).
     */
    static String classpath(StackPaths paths) {
        Path target = paths.root().resolve("twilio-double/target");
        return String.join(java.io.File.pathSeparator, target.resolve("twilio-double-0.1.0-SNAPSHOT.jar").toString(),
                target.resolve("lib/*").toString(), paths.root().resolve("launcher/target/lib/*").toString());
    }

    public boolean isBuilt() {
        return Files.isRegularFile(paths.root().resolve("twilio-double/target/twilio-double-0.1.0-SNAPSHOT.jar"));
    }

    /**
     * What telephony-gateway needs to run on the double: the provider, the API and webhook base URLs (env),
     * and per tenant the account, its token file, the caller id of monitor legs and the flow of the demo number
     * (system properties, as map keys do not travel well in environment variable names).
     */
    public Map<String, String> gatewayEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TELEPHONY_PROVIDER", "twilio");
        env.put("TWILIO_API_BASE_URL", baseUrl());
        env.put("TWILIO_WEBHOOK_BASE_URL", gatewayBaseUrl);
        return env;
    }

    public List<String> gatewayJvmOptions() {
        List<String> options = new ArrayList<>();
        for (Account a : accounts) {
            String p = "-Dtelephony.twilio.accounts." + a.tenant() + ".";
            options.add(p + "account-sid=" + a.accountSid());
            options.add(p + "auth-token-file=" + a.authTokenFile());
            options.add(p + "caller-id=" + DEMO_NUMBER);
            options.add(p + "default-flow=" + VoiceDemo.FLOW);
        }
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        Instant t0 = Instant.now();
        if (!isBuilt()) {
            throw new StartupException("twilio-double: not built (mvn -B -ntp -DskipTests install)");
        }
        Net.requireFree(name(), port, "Stop whatever uses it (bin/stack stop).");
        Path accountsFile = writeAccounts();
        List<String> cmd = List.of(KafkaServer.java(), "-Xmx96m", "-XX:+UseSerialGC", "-cp", classpath(paths),
                "cc.monitoring.twiliodouble.TwilioDoubleMain", "--port", Integer.toString(port), "--accounts",
                accountsFile.toString());
        try {
            process = new ManagedProcess(name(), paths).start(cmd, paths.root(), Map.of());
            String ready = baseUrl() + "/_double/conferences";
            process.awaitReady("ready (" + ready + ")", Duration.ofSeconds(30), () -> Net.httpOk(ready));
            startupTime = Duration.between(t0, Instant.now());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** New tokens for this run, in owner-only files, and the double's accounts file that names them. */
    private Path writeAccounts() {
        SecureRandom random = new SecureRandom();
        List<Map<String, String>> list = new ArrayList<>();
        try {
            for (Account a : accounts) {
                byte[] token = new byte[16];
                random.nextBytes(token);
                String value = HexFormat.of().formatHex(token);
                Files.deleteIfExists(a.authTokenFile());
                Files.createFile(a.authTokenFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(a.authTokenFile(), value);
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("accountSid", a.accountSid());
                entry.put("authToken", value);
                entry.put("gatewayBaseUrl", gatewayBaseUrl);
                list.add(entry);
            }
            Path file = paths.data("twilio").resolve("accounts.json");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
            return file;
        } catch (IOException e) {
            throw new StartupException("twilio-double: cannot write its accounts under " + paths.data("twilio") + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
    }

    @Override
    public String describe() {
        return String.format("%-12s %s  (Twilio's REST API and webhooks, a double; control: %s/_double/...)",
                name(), baseUrl(), baseUrl());
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public List<ProcessHandle> processes() {
        return process != null && process.isAlive() ? List.of(process.process().toHandle()) : List.of();
    }
}
