/** Confluent's REST API over the JDK's HTTP server: routing, JSON bodies, error codes. */
package io.strata.registry.http;
