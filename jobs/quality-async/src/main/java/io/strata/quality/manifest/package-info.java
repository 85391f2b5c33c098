/** Reading the manifest topic. */
package io.strata.quality.manifest;
