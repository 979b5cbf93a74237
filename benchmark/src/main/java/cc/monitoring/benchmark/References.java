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

    /** From the measurements of this run: the broker's lower end (produced or consumed), commits/s, round-trip p99. */
    static References of(BrokerThroughput.Result broker, DurableWrites.Result writes, Stats roundTrip) {
        double p99 = roundTrip == null || roundTrip.count() == 0 ? 0 : roundTrip.percentile(99);
        return new References(broker == null ? 0 : broker.recordsPerSecond(),
                writes == null || writes.error() != null ? 0 : writes.commitsPerSecond(), p99);
    }

    /** "x events per durable commit (N commits/s)": how many events one durable commit has to carry. */
    String perDurableCommit(double eventsPerSecond) {
        return durableWritesPerSecond <= 0 ? ""
                : String.format("%.2f events per durable commit (%,.0f commits/s)", eventsPerSecond / durableWritesPerSecond,
                durableWritesPerSecond);
    }

    String lines() {
        return String.format("  raw broker %,.0f rec/s · durable PostgreSQL %,.0f commits/s · Kafka round trip p99 %.1f ms",
                brokerRecordsPerSecond, durableWritesPerSecond, kafkaRoundTripP99Ms);
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
