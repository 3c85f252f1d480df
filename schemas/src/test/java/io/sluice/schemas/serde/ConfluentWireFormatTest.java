package io.sluice.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.schemas.serde.UndecodableRecordException.Problem;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void shouldWriteAHeaderOfMagicByteZeroThenTheIdBigEndian() {
        byte[] out = new byte[5];
        ConfluentWireFormat.writeHeader(out, 0x01020304);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldReadBackIdsThatUseTheHighBitOfEachByte() {
        byte[] out = new byte[7];
        ConfluentWireFormat.writeHeader(out, 0);
        ConfluentWireFormat.writeHeader(out, 0x7fff80ff);
        assertThat(ConfluentWireFormat.readSchemaId(out, 0, out.length)).isEqualTo(0x7fff80ff);
    }

    @Test
    void shouldReadTheHeaderAtAnOffset() {
        byte[] data = {9, 9, 0, 0, 0, 1, 44, 42};
        assertThat(ConfluentWireFormat.readSchemaId(data, 2, 6)).isEqualTo(300);
    }

    @Test
    void shouldRefuseAWrongMagicByte() {
        assertThatThrownBy(() -> ConfluentWireFormat.readSchemaId(new byte[] {1, 0, 0, 0, 1, 2}, 0, 6))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_MAGIC_BYTE))
                .hasMessageContaining("magic byte");
    }

    @Test
    void shouldRefuseFewerThanFiveBytes() {
        assertThatThrownBy(() -> ConfluentWireFormat.readSchemaId(new byte[] {0, 0, 0, 1}, 0, 4))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_SHORT));
    }
}
