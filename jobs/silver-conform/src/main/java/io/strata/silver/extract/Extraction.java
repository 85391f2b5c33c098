package io.strata.silver.extract;

import io.strata.model.QuarantineReason;
import java.util.List;

/**
 * What a Bronze record yields at the Silver door: canonical rows, a Tier-1 refusal, or nothing on
 * purpose. A value, never an exception: a bad record goes to quarantine, the job goes on.
 */
public sealed interface Extraction {

    /** The rows of an accepted record (tombstones for a delete). */
    record Rows(List<SilverRow> rows) implements Extraction {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A refused record, refused whole (no row of it reaches Silver).
     *
     * @param detail where and why: {@code acme 1.0 sales_order → order_line[0].quantity (@.qty):
     *     cannot read 'abc' as an integer}
     * @param configVersion the version of the tenant's configuration, null for unknown tenants
     * @param rule the rule that refused it ({@code acme 1.0 sales_order → order_line[0].quantity
     *     (@.qty)}), null when the record is refused as a whole (unknown tenant, version, type)
     */
    record Refused(QuarantineReason reason, String detail, String configVersion, String rule)
            implements Extraction {}

    /** A record type the tenant configuration ignores ({@code ignore: true}). */
    record Ignored(String detail) implements Extraction {}
}
