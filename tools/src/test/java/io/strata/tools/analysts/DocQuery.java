package io.strata.tools.analysts;

import java.util.List;
import java.util.Map;

/**
 * One query of {@code docs/analysts.md} under test: the known content it runs over, written where
 * the jobs write it, and what the SQL client must print for it.
 */
interface DocQuery {

    /** The page's section heading of the query. */
    String heading();

    /** Creates the query's Iceberg tables and appends its rows. */
    default void write(IcebergWriter iceberg) {}

    /** Sends the query's records to their topics. */
    default void send(TopicWriter kafka) {}

    /** Statements the query expects the analyst to have run first (e.g. a labels view). */
    default List<String> preamble() {
        return List.of();
    }

    /** The printed result, given the records sent to each topic. */
    Expected expected(Map<String, Long> sent);

    /** A printed table: header, rows (cells as printed), and whether the query orders them. */
    record Expected(List<String> header, List<List<String>> rows, boolean ordered) {}
}
