/** The ops tables and topics quality-async writes. */
package io.strata.quality.sink;
