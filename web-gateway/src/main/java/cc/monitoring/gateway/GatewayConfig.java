package cc.monitoring.gateway;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by name: permission, interaction, monitoring, transcript, telephony. */
    Map<String, String> upstreams();

    Console console();

    interface Console {
        /** The OIDC issuer the console signs in with. */
        String issuer();

        String clientId();
    }
}
