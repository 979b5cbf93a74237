package cc.monitoring.benchmark;

/**
 * The references measured in the same run as the targets: the raw broker (records/s produced and consumed on
 * the stack's Kafka) and durable PostgreSQL writes (committed transactions/s on the stack's PostgreSQL, fsync
 * and synchronous_commit on). Zero when not measured (yet).
 */
record References(double brokerRecordsPerSecond, double durableWritesPerSecond, double kafkaRoundTripP99Ms) {

    static References none() {
        return new References(0, 0, 0);
    }

    /** "x % of the raw broker's N rec/s", or empty when the broker was not measured. */
    String ofBroker(double perSecond) {
        return brokerRecordsPerSecond <= 0 ? ""
                : String.format("%.1f %% of the raw broker's %,.0f rec/s", 100 * perSecond / brokerRecordsPerSecond,
                brokerRecordsPerSecond);
    }

    /** "x % of durable PostgreSQL's N commits/s", or empty when it was not measured. */
    String ofDurableWrites(double perSecond) {
        return durableWritesPerSecond <= 0 ? ""
                : String.format("%.1f %% of durable PostgreSQL's %,.0f commits/s", 100 * perSecond / durableWritesPerSecond,
                durableWritesPerSecond);
    }
}
