package io.strata.common.serde;

/** Confluent's default TopicNameStrategy: a topic's values and keys each have one subject. */
public final class SubjectNames {

    private SubjectNames() {}

    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    public static String keySubject(String topic) {
        return topic + "-key";
    }
}
