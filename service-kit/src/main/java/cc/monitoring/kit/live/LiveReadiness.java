package cc.monitoring.kit.live;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this instance listens on its live channels: without it, its consoles would lag (B51). */
@Readiness
@ApplicationScoped
public class LiveReadiness implements HealthCheck {

    private final LiveChannels live;

    public LiveReadiness(LiveChannels live) {
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live-updates")
                .status(live.listening())
                .withData("channels", String.join(",", live.channels()))
                .build();
    }
}
