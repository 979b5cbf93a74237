package cc.monitoring.transcript.service;

import cc.monitoring.transcript.domain.Message;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code monitoring_transcript_delivery_seconds} (docs/operations.md): from a message being posted (its
 * {@code postedAt} at interaction-service) to its being sent on a viewer's open stream (B31: at most 10 s, at once
 * with the push stream). Only messages posted while the stream was open count: the history a new stream sends
 * first is not a delivery delay. No tags (never the tenant or the interaction).
 */
@ApplicationScoped
public class TranscriptMetrics {

    private final Timer delivery;

    public TranscriptMetrics(MeterRegistry registry) {
        this.delivery = Timer.builder("monitoring.transcript.delivery")
                .description("From a message posted to its sending on an open transcript stream")
                .publishPercentileHistogram()
                .register(registry);
    }

    void sent(Message message, Instant streamOpenedAt, Instant now) {
        if (message.postedAt() != null && !message.postedAt().isBefore(streamOpenedAt)) {
            Duration latency = Duration.between(message.postedAt(), now);
            delivery.record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }
}
