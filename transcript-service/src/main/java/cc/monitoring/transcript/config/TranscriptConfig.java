package cc.monitoring.transcript.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of transcript-service. */
@ConfigMapping(prefix = "transcript")
public interface TranscriptConfig {

    Read read();

    Stream stream();

    interface Read {
        /** Messages per cursor read when the client names no limit. */
        @WithDefault("100")
        int defaultLimit();

        /** The most messages one cursor read returns. */
        @WithDefault("500")
        int maxLimit();
    }

    interface Stream {
        /**
         * The PostgreSQL channel that consumers {@code pg_notify} in their transaction and every instance
         * LISTENs on (kit/live; also listed in {@code kit.live.channels}), so that a message stored by one
         * instance reaches the streams of all.
         */
        @WithDefault("transcript_changes")
        String notifyChannel();

        /** Open streams look for news this often even without a notification. */
        @WithDefault("5s")
        Duration recheckInterval();

        /** At most one transcript-read per stream this often, plus the last one (B11). */
        @WithDefault("1s")
        Duration positionInterval();

        /** Threads that query and send for this instance's open streams. */
        @WithDefault("4")
        int workers();
    }
}
