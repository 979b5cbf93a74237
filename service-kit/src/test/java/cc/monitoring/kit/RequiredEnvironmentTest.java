package cc.monitoring.kit;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No production fallback (docs/security.md): a variable listed under {@code %prod.kit.required-environment} that is
 * not set stops the configuration from being built, with a message naming the variable; dev and test need none.
 * SmallRye Config as Quarkus builds it at start-up (the mapping is validated before any extension runs). No boot.
 */
class RequiredEnvironmentTest {

    private static final String VARIABLE = "KIT_TEST_NEVER_SET_VARIABLE";

    private static SmallRyeConfig config(String profile, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(Map.of(
                        "%prod.kit.required-environment." + VARIABLE, "${" + VARIABLE + "}"), "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withConverter(java.time.Duration.class, 100, new DurationConverter()) // as Quarkus registers it
                .withMapping(KitConfig.class)
                .build();
    }

    @Test
    void inProductionAMissingVariableStopsStartUpNamingIt() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> config("prod", Map.of()));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(VARIABLE), messages.toString());
    }

    @Test
    void inProductionASetVariableIsEnoughAndDevAndTestNeedNone() {
        assertEquals(Map.of(VARIABLE, "jdbc:postgresql://db/monitoring"),
                config("prod", Map.of(VARIABLE, "jdbc:postgresql://db/monitoring")).getConfigMapping(KitConfig.class)
                        .requiredEnvironment());
        assertEquals(Map.of(), config("dev", Map.of()).getConfigMapping(KitConfig.class).requiredEnvironment());
        assertEquals(Map.of(), config("test", Map.of()).getConfigMapping(KitConfig.class).requiredEnvironment());
    }
}
