package cc.monitoring.transcript.health;

import cc.monitoring.transcript.messaging.ChangeListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this instance listens for transcript changes: without it, its streams would lag (B51). */
@Readiness
@ApplicationScoped
public class ListenerReadiness implements HealthCheck {

    private final ChangeListener listener;

    public ListenerReadiness(ChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("transcript-changes").status(listener.listening()).build();
    }
}
