package io.strata.common.control;

/** What an operator asked for a tenant: its records flow, or they are held. */
public enum TenantState {
    ACTIVE,
    PAUSED
}
