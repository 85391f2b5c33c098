package io.strata.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void headerIsMagicByteThenTheIdBigEndian() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ConfluentWireFormat.writeHeader(out, 0x01020304);

        assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(ConfluentWireFormat.schemaId(out.toByteArray())).isEqualTo(0x01020304);
    }

    @Test
    void idsAboveAByteKeepTheirValue() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, 65_535 + 200);

        assertThat(ConfluentWireFormat.schemaId(out.toByteArray())).isEqualTo(65_735);
    }
}
