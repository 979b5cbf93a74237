package cc.monitoring.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of monitoring-service's own rules. */
@ConfigMapping(prefix = "monitoring")
public interface MonitoringConfig {

    /** B27: a voice session still DIALING this long after it was requested ends with DIAL_TIMEOUT. */
    @WithDefault("45s")
    Duration dialTimeout();

    /** How often each instance looks for sessions that dialed too long. */
    @WithDefault("5s")
    Duration dialTimeoutSweep();

    /** B34: how long a started review lets its reviewer read an ended transcript. */
    @WithDefault("15m")
    Duration reviewDuration();

    /**
     * B40: how long audit records are kept (then deleted in bounded batches by the kit's retention job): 400 days,
     * a year of reviews plus a margin; longer than any other data of the system (docs/security.md).
     */
    @WithDefault("400d")
    Duration auditRetention();
}
