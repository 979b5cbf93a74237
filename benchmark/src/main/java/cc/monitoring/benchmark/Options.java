package cc.monitoring.benchmark;

import java.net.InetAddress;
import java.net.URI;

/** Command-line options; every address must be a loopback address (the benchmark never leaves the machine). */
final class Options {

    int calls = 20;
    int supervisors = 5;
    double rate = 1000;
    double duration = 30;
    double backgroundRate = 200;
    String tenant = "bench";
    String kafka = "127.0.0.1:9092";
    String keycloak = "http://127.0.0.1:8180";
    String keycloakAdmin = "admin";
    String keycloakAdminPassword = "admin";
    String permissionService = "http://127.0.0.1:8081";
    String interactionService = "http://127.0.0.1:8082";
    String monitoringService = "http://127.0.0.1:8083";
    String telephonyGateway = "http://127.0.0.1:8085";
    String gateway = "http://127.0.0.1:8080";
    String transcriptService = "http://127.0.0.1:8084";
    /** The launcher's directory (ready.tsv, pids/, logs/), relative to the repository (bin/benchmark runs there). */
    String local = ".local";
    /** The stack's PostgreSQL (launcher/PostgresServer: one database, user postgres, trusts local connections). */
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:15432/monitoring";
    String dbUser = "postgres";
    String dbPassword = "postgres";
    boolean rateSet;
    boolean durationSet;
    /** Transcript phase (--profile full): message-posted events/s, seconds, streams open. */
    double messageRate = 2000;
    double messageDuration = 30;
    int transcriptStreams = 20;
    /** Scale-out phase (--profile full): offered events/s and seconds, with one and with two instances. */
    double scaleRate = 10_000;
    double scaleDuration = 20;
    /** Skip the scale-out phase (it starts a second monitoring-service). */
    boolean scaleOut = true;
    int gatewayStreams = 0;
    int streamsPerUser = 10;
    int streamsPerAddress = 100;
    /** {@code full}: every target of the performance contract, reported met / not met with ratios (issue 13). */
    String profile = "default";
    /** Fan-out phase (--profile full): live consoles and table changes per second. */
    int consoles = 1000;
    double changesPerSecond = 100;
    /** Table phase (--profile full): interactions in one tenant and table requests per second. */
    int tableRows = 100_000;
    double tableRps = 500;

    static final String USAGE = """
            usage: bin/benchmark [--calls N] [--supervisors M] [--rate R] [--duration S] [--background-rate B]
                                 [--tenant T] [--kafka host:port] [--keycloak URL]
              Drives the RUNNING local stack (bin/stack up) and stops by itself:
              --calls N            concurrent simulated calls of the latency phase (default 20)
              --supervisors M      supervisors created in tenant T, monitoring in parallel (default 5)
              --rate R             synthetic interaction-events per second of the load phase (default 1000)
              --duration S         seconds of the load phase and of the steady-load phase (default 30)
              --background-rate B  events/s of the steady background load of the last phase (default 200)
              --tenant T           the benchmark's tenant (default bench; users T-admin, T-sup-1..M)
            bin/benchmark --gateway-streams N [--duration S] [--gateway URL] [--streams-per-user U] [--streams-per-address A]
              Only the gateway scenario: REST p50/p99 through the web gateway (URL, default http://127.0.0.1:8080)
              for S seconds with no stream open, then again while N live streams are open through it (N <= 2000;
              N/U supervisors, U = the services' kit.streams.per-user, default 10; A = the gateway's
              gateway.streams.max-per-client, default 100: streams come from 127.0.0.2, .3, ...)
            bin/benchmark --profile full [--rate R] [--duration S] [--message-rate M] [--message-duration S]
                                 [--transcript-streams N] [--scale-rate R] [--scale-duration S] [--scale-out false]
                                 [--consoles N] [--changes-per-second C] [--table-rows N] [--table-rps R]
              Every target of issue 13 (about 10-12 min; run it against bin/stack up --no-demo): references (raw
              broker, durable PostgreSQL writes, Kafka round trip), durable throughput (--rate 5000 --duration 60),
              transcript (--message-rate 2000 for --message-duration 30, 20 streams), start and memory
              (.local/ready.tsv, VmRSS), fan-out, table, scale-out (a second monitoring-service at --scale-rate
              10000 for --scale-duration 20 with one and two instances); CPU per phase; then MET / NOT MET per target.
            Everything goes to 127.0.0.1 only.""";

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--calls" -> o.calls = positive(a, Integer.parseInt(v));
                case "--supervisors" -> o.supervisors = positive(a, Integer.parseInt(v));
                case "--rate" -> {
                    o.rate = positive(a, Double.parseDouble(v));
                    o.rateSet = true;
                }
                case "--duration" -> {
                    o.duration = positive(a, Double.parseDouble(v));
                    o.durationSet = true;
                }
                case "--message-rate" -> o.messageRate = positive(a, Double.parseDouble(v));
                case "--message-duration" -> o.messageDuration = positive(a, Double.parseDouble(v));
                case "--transcript-streams" -> o.transcriptStreams = positive(a, Integer.parseInt(v));
                case "--scale-rate" -> o.scaleRate = positive(a, Double.parseDouble(v));
                case "--scale-duration" -> o.scaleDuration = positive(a, Double.parseDouble(v));
                case "--scale-out" -> o.scaleOut = Boolean.parseBoolean(v);
                case "--jdbc-url" -> o.jdbcUrl = v;
                case "--background-rate" -> o.backgroundRate = positive(a, Double.parseDouble(v));
                case "--tenant" -> o.tenant = v;
                case "--kafka" -> o.kafka = v;
                case "--keycloak" -> o.keycloak = strip(v);
                case "--gateway" -> o.gateway = strip(v);
                case "--gateway-streams" -> o.gatewayStreams = positive(a, Integer.parseInt(v));
                case "--streams-per-user" -> o.streamsPerUser = positive(a, Integer.parseInt(v));
                case "--streams-per-address" -> o.streamsPerAddress = positive(a, Integer.parseInt(v));
                case "--profile" -> o.profile = v;
                case "--consoles" -> o.consoles = positive(a, Integer.parseInt(v));
                case "--changes-per-second" -> o.changesPerSecond = positive(a, Double.parseDouble(v));
                case "--table-rows" -> o.tableRows = positive(a, Integer.parseInt(v));
                case "--table-rps" -> o.tableRps = positive(a, Double.parseDouble(v));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.profile.equals("full")) {
            // issue 13's numbers unless asked otherwise
            o.rate = o.rateSet ? o.rate : 5000;
            o.duration = o.durationSet ? o.duration : 60;
        } else if (!o.profile.equals("default")) {
            throw new IllegalArgumentException("unknown profile " + o.profile + " (default or full)");
        }
        if (o.messageDuration > 600 || o.scaleDuration > 600 || o.messageRate > 20000 || o.scaleRate > 20000
                || o.transcriptStreams > 200) {
            throw new IllegalArgumentException("bounded: --message-duration, --scale-duration <= 600, --message-rate,"
                    + " --scale-rate <= 20000, --transcript-streams <= 200");
        }
        if (o.duration > 600 || o.calls > 2000 || o.supervisors > 200 || o.rate > 20000) {
            throw new IllegalArgumentException("bounded: --duration <= 600, --calls <= 2000, --supervisors <= 200, --rate <= 20000");
        }
        if (o.gatewayStreams > 2000 || (o.gatewayStreams + o.streamsPerUser - 1) / o.streamsPerUser > 200
                || (o.gatewayStreams + o.streamsPerAddress - 1) / o.streamsPerAddress > 250) {
            throw new IllegalArgumentException("bounded: --gateway-streams <= 2000, at most 200 supervisors"
                    + " (N / --streams-per-user) and 250 client addresses (N / --streams-per-address)");
        }
        requireLoopback(URI.create(o.jdbcUrl.substring("jdbc:".length())).getHost(), o.jdbcUrl);
        for (String url : new String[] {o.keycloak, o.permissionService, o.interactionService, o.monitoringService,
                o.telephonyGateway, o.gateway, o.transcriptService}) {
            requireLoopback(URI.create(url).getHost(), url);
        }
        for (String hp : o.kafka.split(",")) {
            requireLoopback(hp.substring(0, hp.lastIndexOf(':')), o.kafka);
        }
        return o;
    }

    private static <T extends Number> T positive(String name, T v) {
        if (v.doubleValue() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return v;
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void requireLoopback(String host, String what) {
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("not a loopback address: " + what + " (the benchmark only talks to 127.0.0.1)");
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + what);
        }
    }
}
