/**
 * Gold's production sinks: the quarantine, shared by the vault and the features; the feature tables
 * and topic; the manifest topic.
 */
package io.strata.gold.sink;
