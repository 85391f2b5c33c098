package io.strata.tools.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantCommandTest {

    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void statusListsEachControlledTenantAndNamedOnesNeverControlledAsActive() {
        Map<String, TenantControl> controls =
                Map.of(
                        "acme",
                        new TenantControl("acme", TenantState.PAUSED, NINE, "ops", "bad feed"),
                        "globex",
                        new TenantControl("globex", TenantState.ACTIVE, NINE, null, null));

        assertThat(TenantCommand.status(controls, List.of("acme", "initech")))
                .isEqualTo(
                        String.format(
                                "%-20s %-7s %-24s %s%n%-20s %-7s %-24s %s%n%-20s %-7s %-24s %s%n",
                                "TENANT",
                                "STATE",
                                "SINCE",
                                "BY",
                                "acme",
                                "PAUSED",
                                "2026-11-21T09:00:00Z",
                                "ops (bad feed)",
                                "initech",
                                "ACTIVE",
                                "-",
                                "-"));
    }
}
