package cc.monitoring.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the service's consumers did with the records they received (docs/operations.md), tagged by consumer and
 * topic (both a fixed, small set per service; never the tenant): {@code monitoring_events_consumed_total} (records
 * applied, or recognised as already applied, in a committed transaction) and
 * {@code monitoring_events_dead_lettered_total} (records parked on {@code <topic>.dlq}).
 */
@ApplicationScoped
public class EventMeters {

    private final MeterRegistry registry;

    public EventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void consumed(String consumer, String topic, int records) {
        Counter.builder("monitoring.events.consumed")
                .description("Records applied by a consumer (each event at most once; repeats are absorbed)")
                .tag("consumer", consumer).tag("topic", topic)
                .register(registry).increment(records);
    }

    public void deadLettered(String consumer, String topic) {
        Counter.builder("monitoring.events.dead.lettered")
                .description("Records a consumer parked on the dead-letter topic <topic>.dlq")
                .tag("consumer", consumer).tag("topic", topic)
                .register(registry).increment();
    }
}
