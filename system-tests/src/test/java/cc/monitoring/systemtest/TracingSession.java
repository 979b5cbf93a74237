package cc.monitoring.systemtest;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Switches tracing on for the system under test before any test class starts it: an {@link OtlpTraces} receiver in
 * this JVM, and the services' environment (through {@code systemtest.env.*}, see {@link SystemUnderTest}) pointing
 * their OTLP exporter at it. Off with {@code -Dsystemtest.tracing=false}. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class TracingSession implements LauncherSessionListener {

    private static volatile OtlpTraces traces;

    /** The receiver, or null when tracing is off for this run. */
    static OtlpTraces traces() {
        return traces;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (traces != null || !Boolean.parseBoolean(System.getProperty("systemtest.tracing", "true"))) {
            return;
        }
        traces = OtlpTraces.start();
        System.setProperty("systemtest.env.OTEL_SDK_DISABLED", "false");
        System.setProperty("systemtest.env.OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
        System.setProperty("systemtest.env.OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        // spans leave every 200 ms instead of 5 s, so a test sees its trace soon
        System.setProperty("systemtest.env.QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (traces != null) {
            traces.close();
            traces = null;
        }
    }
}
