package io.strata.workload.truth;

import io.strata.workload.truth.Documents.Document;
import java.util.List;

/**
 * One business event of the truth: a document as of {@code eventTime}, with the master data it
 * embeds resolved at that same time (so two events at the same time never disagree on master data).
 * Deletes carry only the document key.
 *
 * @param customer the embedded customer, null for deletes
 * @param products the embedded products: one per order line, or the returned product; empty for
 *     other types and deletes
 * @param renderSeed randomness for cosmetic rendering choices (e.g. a guest's email casing)
 */
public record TruthEvent(
        TenantProfile tenant,
        RecordType type,
        Op op,
        String eventId,
        long eventTime,
        String schemaVersion,
        Document document,
        CustomerVersion customer,
        List<ProductVersion> products,
        long renderSeed) {

    @SuppressWarnings("unchecked")
    public <D extends Document> D doc() {
        return (D) document;
    }
}
