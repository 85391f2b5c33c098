/** The registry's operations and rules (ids, versions, deletes, compatibility), free of HTTP. */
package io.strata.registry.service;
