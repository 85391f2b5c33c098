/**
 * Reading the Silver topics for the quality rules: event time per partition from each row's meta,
 * decoded into profiles, orders and customers; unreadable records quarantined.
 */
package io.strata.quality.silver;
