/** silver-conform: tenant-parameterized extraction of canonical entities into Silver. */
package io.strata.silver;
