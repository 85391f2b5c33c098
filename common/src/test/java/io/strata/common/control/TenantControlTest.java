package io.strata.common.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class TenantControlTest {

    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void aControlSurvivesItsJsonValue() {
        TenantControl paused = new TenantControl("acme", TenantState.PAUSED, NINE, "ops", "why");

        assertThat(new String(paused.toJson(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"state\":\"PAUSED\",\"requested_at\":\"2026-11-21T09:00:00Z\","
                                + "\"requested_by\":\"ops\",\"reason\":\"why\"}");
        assertThat(TenantControl.fromJson("acme", paused.toJson())).isEqualTo(paused);
    }

    @Test
    void onlyTheStateIsRequiredAndANullValueMeansActive() {
        assertThat(TenantControl.fromJson("acme", bytes("{\"state\":\"ACTIVE\"}")))
                .isEqualTo(
                        new TenantControl("acme", TenantState.ACTIVE, Instant.EPOCH, null, null));
        assertThat(TenantControl.fromJson("acme", null).isPaused()).isFalse();
    }

    @Test
    void anUnreadableValueIsRefusedWithAReason() {
        assertThatThrownBy(() -> TenantControl.fromJson("acme", bytes("{\"state\":\"STOP\"}")))
                .hasMessageContaining("PAUSED or ACTIVE");
        assertThatThrownBy(() -> TenantControl.fromJson("acme", bytes("paused")))
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> TenantControl.fromJson("acme", bytes("{}")))
                .hasMessageContaining("\"state\"");
    }

    @Test
    void aControlIsAFlinkPojo() {
        assertThat(TypeInformation.of(TenantControl.class)).isInstanceOf(PojoTypeInfo.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
