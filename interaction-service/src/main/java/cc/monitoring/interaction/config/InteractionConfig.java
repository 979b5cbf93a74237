package cc.monitoring.interaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of interaction-service. */
@ConfigMapping(prefix = "interaction")
public interface InteractionConfig {

    Flows flows();

    interface Flows {
        /**
         * The silent-monitoring toggle of a flow created because a call named it before an
         * administrator configured it. On: a new flow can be monitored until switched off.
         */
        @WithDefault("true")
        boolean defaultSilentMonitoring();
    }
}
