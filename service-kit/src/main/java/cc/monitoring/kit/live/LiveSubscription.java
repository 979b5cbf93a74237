package cc.monitoring.kit.live;

/** A subscriber's place in {@link LiveChannels}; closing it (once or more) stops the deliveries. */
@FunctionalInterface
public interface LiveSubscription extends AutoCloseable {

    @Override
    void close();
}
