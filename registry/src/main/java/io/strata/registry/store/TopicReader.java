package io.strata.registry.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the schemas topic into the state on its own thread and publishes how far it got, so a
 * writer can wait until its own record has been applied.
 */
final class TopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Thread thread;
    private final Object progress = new Object();
    private long position;
    private Throwable failure;
    private volatile boolean running = true;

    TopicReader(String topic, Map<String, Object> clientProperties, RegistryState state) {
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties));
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.thread = new Thread(this::run, "schema-registry-reader-" + topic);
        thread.setDaemon(true);
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** Starts replaying and returns the end offset the topic had before replay began. */
    long start(Duration timeout) {
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        thread.start();
        return end;
    }

    /** Blocks until every record before {@code offset} has been applied. */
    void awaitPosition(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position < offset && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException(
                            "Timed out replaying the schemas topic to offset " + offset);
                }
                waitNanos(left);
            }
            if (failure != null) {
                throw new StoreException("The schemas topic reader failed", failure);
            }
        }
    }

    private void waitNanos(long nanos) {
        try {
            progress.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the schemas topic", e);
        }
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r);
                }
                // The position also moves past compacted gaps and control records.
                publish(consumer.position(partition), null);
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            LOG.error("Stopped reading the schemas topic {}", partition.topic(), e);
            publish(position, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        try {
            RecordCodec.decode(r.key(), r.value()).ifPresent(record -> record.applyTo(state));
        } catch (RuntimeException e) {
            // A foreign record must not stop the registry; it just carries nothing we serve.
            LOG.warn("Skipping unreadable record at offset {} of {}", r.offset(), partition, e);
        }
    }

    private void publish(long newPosition, Throwable error) {
        synchronized (progress) {
            position = newPosition;
            failure = error;
            progress.notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            // Never started, so run() will not close the consumer.
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
