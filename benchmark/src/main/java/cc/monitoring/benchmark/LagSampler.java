package cc.monitoring.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Samples a consumer group's committed offsets and the topic's end offsets (AdminClient) every
 * {@code periodMs}: the group's lag over time. Committed offsets move in steps (SmallRye commits
 * every auto.commit.interval.ms, 5 s by default), so this lag is an upper bound.
 */
final class LagSampler implements AutoCloseable {

    record Sample(long at, long end, long committed) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final Admin admin;
    private final String topic;
    private final String group;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    LagSampler(String bootstrap, String topic, String group, long periodMs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(p);
        this.topic = topic;
        this.group = group;
        thread = new Thread(() -> {
            while (running) {
                try {
                    Sample s = sample();
                    synchronized (samples) {
                        samples.add(s);
                    }
                } catch (Exception e) {
                    // a missed sample
                }
                Benchmark.sleep(periodMs);
            }
        }, "benchmark-lag-sampler");
        thread.setDaemon(true);
    }

    LagSampler start() {
        thread.start();
        return this;
    }

    Sample sample() throws Exception {
        List<TopicPartition> tps = new ArrayList<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(pi -> tps.add(new TopicPartition(topic, pi.partition())));
        Map<TopicPartition, OffsetSpec> q = new HashMap<>();
        tps.forEach(tp -> q.put(tp, OffsetSpec.latest()));
        long end = admin.listOffsets(q).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long c = 0;
        for (TopicPartition tp : tps) {
            OffsetAndMetadata o = committed.get(tp);
            c += o == null ? 0 : o.offset();
        }
        return new Sample(System.currentTimeMillis(), end, c);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }
}
