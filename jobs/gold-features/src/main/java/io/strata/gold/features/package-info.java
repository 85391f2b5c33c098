/** Customer features in event time, point-in-time correct, with late corrections. */
package io.strata.gold.features;
