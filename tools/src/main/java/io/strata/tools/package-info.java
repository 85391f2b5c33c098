/** The ./strata command: local stack, generator runs, operator tooling. */
package io.strata.tools;
