package io.strata.workload.truth;

import io.strata.workload.truth.Documents.Document;
import io.strata.workload.truth.Documents.OrderDoc;

/**
 * A scheduled next step of a business flow (an order is paid, shipped, ...), ordered by time and
 * then by the order it was scheduled in, so the sequence is fully determined by the seed.
 */
record FollowUp(
        long time, long sequence, Kind kind, int tenant, int customer, OrderDoc order, Document doc)
        implements Comparable<FollowUp> {

    enum Kind {
        PAY_OR_CANCEL_ORDER,
        CREATE_INVOICE,
        PAY_INVOICE,
        SHIP,
        DELIVER,
        RETURN,
        CLOSE_TICKET,
        DELETE_TICKET
    }

    @Override
    public int compareTo(FollowUp other) {
        int byTime = Long.compare(time, other.time);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
