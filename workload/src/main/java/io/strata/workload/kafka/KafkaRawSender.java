package io.strata.workload.kafka;

import io.strata.workload.progress.ProgressListener;
import io.strata.workload.progress.ProgressMeter;
import io.strata.workload.progress.RatePacer;
import io.strata.workload.raw.RawRecord;
import java.time.Duration;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces raw records to Kafka exactly as rendered (key and value bytes, no headers), in order,
 * with an idempotent producer so the broker never adds duplicates of its own: every duplicate on
 * the topic is one the workload meant.
 */
public final class KafkaRawSender implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;

    public KafkaRawSender(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** A sender with {@link #producerProperties} for these brokers. */
    public static KafkaRawSender create(String bootstrapServers) {
        return new KafkaRawSender(new KafkaProducer<>(producerProperties(bootstrapServers)));
    }

    /**
     * Idempotent (acks=all, at most 5 requests in flight, so order is kept across retries), lz4,
     * and batching sized for throughput: 256 KiB batches, 20 ms linger, 128 MiB buffer.
     */
    public static Properties producerProperties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "strata-workload");
        return p;
    }

    /** The outcome of one {@link #send}. */
    public record SendResult(long records, long bytes, Duration elapsed) {}

    /**
     * Sends every record, then flushes. {@code expectedTotal} only feeds the progress ETA; {@code
     * tee} sees each record after it was handed to the producer (e.g. an oracle computed in the
     * same pass). Fails on the first record the broker refused.
     */
    public SendResult send(
            Iterator<RawRecord> records,
            long expectedTotal,
            double ratePerSecond,
            ProgressListener listener,
            Consumer<RawRecord> tee) {
        ProgressMeter meter = new ProgressMeter("kafka", expectedTotal, listener);
        RatePacer pacer = new RatePacer(ratePerSecond);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        while (records.hasNext() && failure.get() == null) {
            pacer.acquire();
            RawRecord r = records.next();
            producer.send(
                    new ProducerRecord<>(r.topic(), r.key(), r.value()),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
            tee.accept(r);
            bytes += r.value().length;
            meter.advance(1);
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a raw record", failure.get());
        }
        meter.finish();
        return new SendResult(meter.done(), bytes, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
