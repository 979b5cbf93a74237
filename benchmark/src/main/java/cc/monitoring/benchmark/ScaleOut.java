package cc.monitoring.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Scale-out of monitoring-service (issue 13): a second instance, started by the benchmark as a copy of the
 * launcher's one (its command line, working directory and environment from {@code /proc/<pid>}), on another
 * HTTP port and with its own Kafka instance id ({@code KIT_KAFKA_INSTANCE_ID}), heap-sized as the original;
 * the partition assignment of consumer group {@code monitoring-service}; and, after the load, whether every
 * synthetic interaction arrived ENDED in monitoring-service's table (nothing lost).
 */
final class ScaleOut implements AutoCloseable {

    static final String SERVICE = "monitoring-service";
    static final String GROUP = "monitoring-service";
    static final String INSTANCE_ID = "bench-2";
    static final String TOPIC = "interaction-events";

    private final Options o;
    private final Admin admin;
    private Process copy;
    private int port;

    ScaleOut(Options o) {
        this.o = o;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka);
        admin = Admin.create(p);
    }

    // ------------------------------------------------------------------ the group

    /** One member of the group: member id, client id and its partitions by topic. */
    record Member(String memberId, String clientId, String host, Map<String, TreeSet<Integer>> partitions) {
        String line() {
            StringBuilder b = new StringBuilder(String.format("    %-70s", memberId + " (" + clientId + ")"));
            partitions.forEach((t, ps) -> b.append(' ').append(t).append(ps));
            return b.toString();
        }
    }

    List<Member> members() throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
        List<Member> out = new ArrayList<>();
        for (MemberDescription m : d.members()) {
            Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
            for (TopicPartition tp : m.assignment().topicPartitions()) {
                byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition());
            }
            out.add(new Member(m.consumerId(), m.clientId(), m.host(), byTopic));
        }
        out.sort((a, b) -> (a.clientId() + a.memberId()).compareTo(b.clientId() + b.memberId()));
        return out;
    }

    /**
     * How many members hold partitions of {@code topic}: each instance has one consumer per channel (SmallRye's
     * client ids, {@code kafka-consumer-<channel>}, are the same on both), so two members on interaction-events
     * are two instances.
     */
    static int instancesOn(List<Member> members, String topic) {
        return (int) members.stream().filter(m -> !m.partitions().getOrDefault(topic, new TreeSet<>()).isEmpty()).count();
    }

    /**
     * Waits until {@code instances} members hold interaction-events partitions, all of them assigned (and, for
     * one instance, the group back at {@code membersOfOne} members); prints the assignment; true when reached.
     */
    boolean awaitAssignment(int instances, int membersOfOne, long timeoutMs, String label) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        List<Member> members = List.of();
        boolean reached = false;
        while (!reached && System.currentTimeMillis() < deadline) {
            try {
                members = members();
                reached = instancesOn(members, TOPIC) == instances && allAssigned(members, TOPIC)
                        && (instances != 1 || membersOfOne <= 0 || members.size() == membersOfOne);
            } catch (Exception e) {
                // the group is rebalancing
            }
            if (!reached) {
                Benchmark.sleep(500);
            }
        }
        Benchmark.say("  consumer group " + GROUP + ", " + label + ": " + members.size() + " member(s)"
                + (reached ? "" : " (not settled within " + timeoutMs / 1000 + " s)"));
        members.forEach(m -> Benchmark.say(m.line()));
        lastMembers = members;
        return reached;
    }

    private List<Member> lastMembers = List.of();

    List<Member> lastMembers() {
        return lastMembers;
    }

    private boolean allAssigned(List<Member> members, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        return members.stream().mapToInt(m -> m.partitions().getOrDefault(topic, new TreeSet<>()).size()).sum() == partitions;
    }

    // ------------------------------------------------------------------ the copy

    /** Starts the copy and waits until it is ready; returns null, or why it could not. */
    String startCopy() throws Exception {
        Path local = Path.of(o.local);
        Long pid = Cpu.pids(local.resolve("pids")).get(SERVICE);
        if (pid == null) {
            return "no " + local.resolve("pids").resolve(SERVICE + ".pid") + " (start the stack with bin/stack up)";
        }
        List<String> cmd;
        Map<String, String> env;
        Path cwd;
        try {
            cmd = split(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")));
            env = environment(split(Files.readAllBytes(Path.of("/proc/" + pid + "/environ"))));
            cwd = Path.of("/proc/" + pid + "/cwd").toRealPath();
        } catch (IOException e) {
            return "cannot read /proc/" + pid + " of " + SERVICE + ": " + e;
        }
        port = freePort();
        List<String> command = copyCommand(cmd, port);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KIT_KAFKA_INSTANCE_ID", INSTANCE_ID);
        for (String k : new ArrayList<>(env.keySet())) {
            if (k.startsWith("QUARKUS_") && k.endsWith("_PORT") && !k.equals("QUARKUS_HTTP_PORT")) {
                env.put(k, Integer.toString(freePort())); // management, debug ...: their own
            }
        }
        Path log = local.resolve("logs").resolve(SERVICE + "-" + INSTANCE_ID + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        copy = pb.start();
        Process started = copy;
        // the copy never outlives the benchmark (Ctrl-C, a timeout's SIGTERM)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.isAlive()) {
                started.destroy();
                try {
                    if (!started.waitFor(20, TimeUnit.SECONDS)) {
                        started.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    started.destroyForcibly();
                }
            }
        }, "benchmark-scale-out-copy-stop"));
        Benchmark.say("  started a copy of " + SERVICE + " (pid " + pid + "): pid " + copy.pid() + ", port " + port
                + ", KIT_KAFKA_INSTANCE_ID=" + INSTANCE_ID + ", log " + log);
        long t0 = System.currentTimeMillis();
        long deadline = t0 + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!copy.isAlive()) {
                return "the copy exited with " + copy.exitValue() + " (see " + log + ")";
            }
            if (Http.get("http://127.0.0.1:" + port + "/q/health/ready", null).status() == 200) {
                Benchmark.say(String.format("  the copy is ready (/q/health/ready) after %.1f s", (System.currentTimeMillis() - t0) / 1000.0));
                return null;
            }
            Benchmark.sleep(200);
        }
        return "the copy was not ready within 120 s (see " + log + ")";
    }

    long copyPid() {
        return copy == null ? -1 : copy.pid();
    }

    /** The original's command line for the copy: no recording or debug agent of its own, a heap limit. */
    static List<String> copyCommand(List<String> original, int port) {
        List<String> out = new ArrayList<>();
        boolean heap = false;
        for (String a : original) {
            if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-agentlib:jdwp") || a.startsWith("-XX:ArchiveClassesAtExit")
                    || a.startsWith("-XX:+AutoCreateSharedArchive")) {
                continue;
            }
            if (a.startsWith("-Dquarkus.http.port=")) {
                a = "-Dquarkus.http.port=" + port;
            }
            if (a.startsWith("-Xmx")) {
                heap = true;
            }
            out.add(a);
        }
        if (!heap && !out.isEmpty()) {
            out.add(1, "-Xmx256m");
        }
        return out;
    }

    static List<String> split(byte[] nulSeparated) {
        List<String> out = new ArrayList<>();
        for (String s : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static Map<String, String> environment(List<String> entries) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                env.put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        return env;
    }

    /** Stops the copy (SIGTERM, then SIGKILL after 30 s); returns how it ended. */
    String stopCopy() {
        if (copy == null) {
            return "not started";
        }
        copy.destroy();
        try {
            if (!copy.waitFor(30, TimeUnit.SECONDS)) {
                copy.descendants().forEach(ProcessHandle::destroyForcibly);
                copy.destroyForcibly();
                copy.waitFor(10, TimeUnit.SECONDS);
                return "killed after 30 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "stopped (exit " + copy.exitValue() + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ nothing lost

    /** Of the synthetic interactions with this id prefix: how many monitoring-service has, and how many ENDED. */
    record Count(long total, long ended, String error) {
    }

    static Count count(Options o, String idPrefix) {
        try (Connection c = DriverManager.getConnection(o.jdbcUrl, o.dbUser, o.dbPassword);
             PreparedStatement ps = c.prepareStatement("select count(*), count(*) filter (where state = 'ENDED')"
                     + " from monitoring.interaction where interaction_id like ?")) {
            ps.setString(1, idPrefix.replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Count(rs.getLong(1), rs.getLong(2), null);
            }
        } catch (SQLException e) {
            return new Count(0, 0, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (copy != null && copy.isAlive()) {
            stopCopy();
        }
        admin.close();
    }
}
