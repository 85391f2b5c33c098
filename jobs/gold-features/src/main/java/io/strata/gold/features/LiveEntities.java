package io.strata.gold.features;

import java.math.BigDecimal;

/**
 * A customer's live entities as of one row's time {@code t}: each order, ticket and return at its
 * latest version at or before {@code t}, counted only while that version is live for the customer
 * ({@link EntityVersion#isLiveFor}). What the feature definitions ({@link FeatureCalculator}) ask
 * of them.
 */
interface LiveEntities {

    /**
     * The live orders with an order time in {@code (after, upTo]}: how many, and their total amount
     * (an order without an amount adds zero).
     */
    Orders orders(long after, long upTo);

    /** The live order with the earliest order time at or before {@code t} (ties: the lower key). */
    EntityVersion firstOrder(long t);

    /** The live order with the latest order time at or before {@code t} (ties: the higher key). */
    EntityVersion lastOrder(long t);

    /** The live tickets whose status is {@link FeatureCalculator#OPEN}. */
    int openTickets();

    /** The live returns with a return time in {@code (after, upTo]}. */
    int returns(long after, long upTo);

    /** A count of orders and their total amount. */
    record Orders(long count, BigDecimal amount) {}
}
