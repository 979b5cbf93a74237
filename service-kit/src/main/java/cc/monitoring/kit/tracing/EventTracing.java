package cc.monitoring.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One trace across services through the outbox and Kafka (docs/operations.md): the writer keeps the W3C
 * {@code traceparent} of the current span with the outbox row ({@link #currentTraceparent}), the relay sends it
 * as the record's {@code traceparent} header, and the consumer applies the event in a child span of it
 * ({@link #consuming}), so what the handler writes to its own outbox carries the trace on. With tracing off
 * ({@code quarkus.otel.sdk.disabled=true}, the default) there is no current span: nothing is stored or sent,
 * and a received traceparent only passes through.
 */
@ApplicationScoped
public class EventTracing {

    public static final String HEADER = "traceparent";
    private static final String INSTRUMENTATION = "cc.monitoring.kit";
    private static final int MAX_LENGTH = 128; // the outbox column

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** The W3C traceparent of the current span, or null when no (valid) span is current. */
    public String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String traceparent = carrier.get(HEADER);
        return traceparent == null || traceparent.length() > MAX_LENGTH ? null : traceparent;
    }

    /**
     * Runs {@code work} in a CONSUMER span named {@code "<topic> process"}, a child of {@code traceparent} (a new
     * trace when it is null or malformed); the span records a failure and always ends.
     */
    public <T> T consuming(String traceparent, String consumer, String topic, String eventId, String eventType,
                           Supplier<T> work) {
        Span span = tracer.spanBuilder(topic + " process")
                .setParent(parentOf(traceparent))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        return within(span, work);
    }

    /**
     * Runs {@code work} in an INTERNAL span {@code name}, a child of {@code traceparent} (a new trace when it is null):
     * for work stored to be done later (a durable command a worker performs), so that it stays in the trace of whoever
     * asked for it. Store {@link #currentTraceparent()} with the work when it is accepted.
     */
    public <T> T continuing(String traceparent, String name, Supplier<T> work) {
        return within(tracer.spanBuilder(name).setParent(parentOf(traceparent)).setSpanKind(SpanKind.INTERNAL).startSpan(),
                work);
    }

    private static Context parentOf(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), FROM_MAP);
    }

    private static <T> T within(Span span, Supplier<T> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
