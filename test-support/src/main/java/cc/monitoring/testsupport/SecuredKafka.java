package cc.monitoring.testsupport;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The secured embedded broker ({@link EmbeddedKafkaBroker#secured()}): a {@code SASL_PLAINTEXT} listener
 * ({@link #bootstrapServers}) and a {@code SASL_SSL} one ({@link #tlsBootstrapServers}, a self-signed certificate
 * for 127.0.0.1 that {@link #trustStore} trusts), both SCRAM-SHA-512, and the {@code StandardAuthorizer}. Its super
 * user creates principals and ACLs.
 */
public record SecuredKafka(String bootstrapServers, String tlsBootstrapServers, Path trustStore, String trustStorePassword) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret";
    static final String STORE_PASSWORD = "test-store-secret";

    /** What a client sets to sign in as {@code user} over TLS, trusting the broker's certificate. */
    public Map<String, Object> tlsClientProperties(String user, String password) {
        Map<String, Object> config = new HashMap<>(clientProperties(user, password));
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString());
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, trustStorePassword);
        return config;
    }

    /** A self-signed broker certificate for 127.0.0.1/localhost (keytool of the running JDK) and a trust store with it. */
    static void certificates(Path keyStore, Path trustStore, Path certificate) {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        run(keytool, "-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-rfc", "-file", certificate.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JAAS line of a SCRAM login. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** What a client sets to sign in as {@code user} (the {@code kafka.*} properties of a service, unprefixed). */
    public static Map<String, Object> clientProperties(String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
    }

    /** Bootstrap servers and the credentials of {@code user}. */
    public Map<String, Object> client(String user, String password) {
        Map<String, Object> config = new HashMap<>(clientProperties(user, password));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** Creates (or replaces) the SCRAM credentials of {@code user}. */
    public void createUser(String user, String password) {
        withAdmin(admin -> admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all()
                .get(30, TimeUnit.SECONDS));
    }

    public void createAcls(Collection<AclBinding> acls) {
        withAdmin(admin -> admin.createAcls(acls).all().get(30, TimeUnit.SECONDS));
    }

    /** Creates the topics that do not exist yet (auto-creation is off, as on a production cluster). */
    public void createTopics(Collection<NewTopic> topics) {
        withAdmin(admin -> {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    private interface AdminCall {
        Object apply(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private void withAdmin(AdminCall call) {
        Map<String, Object> config = client(ADMIN_USER, ADMIN_PASSWORD);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "test-support-secured-admin");
        try (Admin admin = Admin.create(config)) {
            call.apply(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("secured broker admin call failed: " + e.getMessage(), e);
        }
    }
}
