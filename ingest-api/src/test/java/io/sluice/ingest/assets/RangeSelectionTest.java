package io.sluice.ingest.assets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeSelectionTest {

    private static final long SIZE = 100;

    @ParameterizedTest
    @CsvSource({
            "'bytes=0-9',      0,  9",
            "'bytes=90-',      90, 99",
            "'bytes=-10',      90, 99",
            "'bytes=95-200',   95, 99",
            "'bytes=-500',     0,  99",
            "'bytes=99-99',    99, 99",
            "' Bytes=5-6 ',    5,  6"})
    void shouldSelectOneRange(String header, long first, long last) {
        assertThat(RangeSelection.of(header, SIZE)).isEqualTo(new RangeSelection.Part(first, last));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "items=0-1", "bytes=0-1,5-6", "bytes=5-1", "bytes=a-b", "bytes=-", "bytes=1",
            "bytes=99999999999999999999-"})
    void shouldIgnoreHeadersItDoesNotServe(String header) {
        assertThat(RangeSelection.of(header, SIZE)).isInstanceOf(RangeSelection.Whole.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0"})
    void shouldCallRangesPastTheEndUnsatisfiable(String header) {
        assertThat(RangeSelection.of(header, SIZE)).isInstanceOf(RangeSelection.Unsatisfiable.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 9, 'bytes 0-9/100'", "90, 99, 'bytes 90-99/100'"})
    void shouldDescribeAPartAsContentRange(long first, long last, String expected) {
        RangeSelection.Part part = new RangeSelection.Part(first, last);
        assertThat(part.contentRange(SIZE)).isEqualTo(expected);
        assertThat(part.length()).isEqualTo(last - first + 1);
    }
}
