package cc.monitoring.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist:<version>:zip}),
 * unpacked under {@code .local/keycloak-<version>} and run with
 * {@code bin/kc.sh start-dev --http-port 8180 --http-host 127.0.0.1 --hostname http://127.0.0.1:8180 --import-realm}.
 * The realm file is copied into {@code data/import}; when it changed since the last import, Keycloak's
 * dev database is reset so that the new file is imported (Keycloak skips realms that already exist).
 * The issuer is always {@code http://127.0.0.1:8180/realms/<realm>}, whatever host name a client uses.
 */
public final class KeycloakServer implements StackComponent {

    public static final String DEFAULT_VERSION = "26.5.6";
    public static final int DEFAULT_PORT = 8180;

    private final StackPaths paths;
    private final String version;
    private final int port;
    private final Path realmFile;
    private final String realm;
    private final String heap;
    private final Duration deadline;
    private volatile ManagedProcess process;
    private Duration startupTime = Duration.ZERO;
    private boolean cds;

    public KeycloakServer(StackPaths paths) {
        this(paths, System.getProperty("keycloak.version", DEFAULT_VERSION), DEFAULT_PORT,
                paths.root().resolve("deploy/keycloak/monitoring-realm.json"), "monitoring", "-Xms64m -Xmx512m",
                Duration.ofSeconds(240));
    }

    public KeycloakServer(StackPaths paths, String version, int port, Path realmFile, String realm, String heap,
                          Duration deadline) {
        this.paths = paths;
        this.version = version;
        this.port = port;
        this.realmFile = realmFile;
        this.realm = realm;
        this.heap = heap;
        this.deadline = deadline;
    }

    /**
     * Runs Keycloak's JVM with a dynamic AppCDS archive of its own ({@link CdsArchive}, through
     * {@code JAVA_OPTS_APPEND}): recorded when it stops the first time, mapped on later starts.
     */
    public KeycloakServer withCds() {
        this.cds = true;
        return this;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer, i.e. what services get as {@code OIDC_AUTH_SERVER_URL}. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + realm;
    }

    public Path home() {
        return paths.local().resolve("keycloak-" + version);
    }

    public String zipName() {
        return "keycloak-quarkus-dist-" + version + ".zip";
    }

    /** Unpacks the distribution (from {@code .local/} or the local Maven repository) unless already done. */
    public void ensureInstalled() {
        if (Files.isRegularFile(home().resolve("bin/kc.sh"))) {
            return;
        }
        Path zip = paths.local().resolve(zipName());
        if (!Files.isRegularFile(zip)) {
            zip = Path.of(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                    version, zipName());
        }
        if (!Files.isRegularFile(zip)) {
            throw new StartupException("keycloak: distribution not found. Fetch it with: mvn -B -ntp dependency:copy"
                    + " -Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip -DoutputDirectory=.local"
                    + " (bin/stack up does this), or set OIDC_AUTH_SERVER_URL to use an existing server.");
        }
        Console.print(" unpacking " + zip.getFileName() + " ...");
        try {
            unzip(zip, paths.local());
            if (zip.startsWith(paths.local())) {
                Files.delete(zip); // a copy stays in the local Maven repository
            }
        } catch (IOException e) {
            throw new StartupException("keycloak: cannot unpack " + zip + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(home().resolve("bin/kc.sh"))) {
            throw new StartupException("keycloak: " + zip + " did not contain keycloak-" + version + "/bin/kc.sh");
        }
    }

    static void unzip(Path zip, Path target) throws IOException {
        Path tmp = Files.createTempDirectory(target, ".unzip");
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (top == null) {
                    top = tmp.relativize(out).getName(0);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (e.getName().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        if (top == null) {
            throw new IOException("empty zip");
        }
        Files.move(tmp.resolve(top), target.resolve(top));
        Files.delete(tmp);
    }

    @Override
    public void start() {
        Instant t0 = Instant.now();
        Net.requireFree("keycloak", port, "Stop whatever uses it (bin/stack stop) or set OIDC_AUTH_SERVER_URL to use that server.");
        ensureInstalled();
        try {
            prepareRealmImport();
            List<String> cmd = new ArrayList<>(List.of(home().resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=" + baseUrl(), "--import-realm"));
            Map<String, String> env = new java.util.LinkedHashMap<>(Map.of(
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                    "JAVA_OPTS_KC_HEAP", heap,
                    "JAVA_HOME", System.getProperty("java.home")));
            env.putAll(ServiceProcess.JVM_ENV);
            if (cds) {
                env.put("JAVA_OPTS_APPEND", String.join(" ", cdsArchive().jvmOptions()));
            }
            process = new ManagedProcess(name(), paths).start(cmd, home(), env);
            String discovery = issuerUrl() + "/.well-known/openid-configuration";
            process.awaitReady("ready (" + discovery + ")", deadline, () -> Net.httpOk(discovery));
            startupTime = Duration.between(t0, Instant.now());
        } catch (IOException e) {
            stop();
            throw new StartupException("keycloak: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void prepareRealmImport() throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new StartupException("keycloak: realm file " + realmFile + " not found");
        }
        Path importDir = StackPaths.dir(home().resolve("data/import"));
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        String hash = sha256(realmFile);
        Path hashFile = home().resolve("data/imported-realm.sha256");
        Path h2 = home().resolve("data/h2");
        String previous = Files.exists(hashFile) ? Files.readString(hashFile).trim() : "";
        if (Files.isDirectory(h2) && !hash.equals(previous)) {
            Console.print(" (realm file changed: resetting Keycloak's dev database to re-import it)");
            deleteTree(h2);
        }
        Files.writeString(hashFile, hash + System.lineSeparator());
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            boolean clean = process.stop(Duration.ofSeconds(30)); // kc.sh and its java child
            process = null;
            if (cds) {
                cdsArchive().stopped(clean);
            }
        }
    }

    @Override
    public String describe() {
        return "Keycloak     " + baseUrl() + "  (admin console " + baseUrl() + "/admin  admin/admin; issuer "
                + issuerUrl() + ")";
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    private CdsArchive cdsArchive() {
        return new CdsArchive(paths, name(), List.of(home().resolve("lib"), home().resolve("conf")));
    }

    /** Keycloak's JVM (kc.sh runs it as a child). */
    @Override
    public long mainPid() {
        if (process == null || !process.isAlive()) {
            return 0;
        }
        ProcessHandle sh = process.process().toHandle();
        return sh.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElse(sh).pid();
    }

    @Override
    public List<ProcessHandle> processes() {
        return process != null && process.isAlive() ? List.of(process.process().toHandle()) : List.of();
    }
}
