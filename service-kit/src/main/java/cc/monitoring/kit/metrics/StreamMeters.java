package cc.monitoring.kit.metrics;

import cc.monitoring.kit.stream.StreamLimits;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code monitoring_streams_open}: live (SSE) streams open on this instance now, under {@link StreamLimits}. */
@ApplicationScoped
public class StreamMeters {

    void register(@Observes StartupEvent ignored, MeterRegistry registry, StreamLimits limits) {
        Gauge.builder("monitoring.streams.open", limits, StreamLimits::open)
                .description("Live streams (server-sent events) open on this instance")
                .strongReference(true)
                .register(registry);
    }
}
