package io.sluice.ingest.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.tus.checksum.UploadChecksum;
import io.sluice.ingest.tus.concatenation.UploadConcat;
import io.sluice.ingest.tus.core.UploadOffset;
import io.sluice.ingest.tus.creation.TusMetadata;
import io.sluice.upload.ChunkGrid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tus request headers as Sluice reads them, and what it refuses before anything is kept. */
class TusHeadersTest {

    @Test
    void shouldReadUploadMetadataPairsAndWriteThemBackSorted() {
        Map<String, String> metadata = TusMetadata.parse("filename " + b64("été.jpg") + ", empty,filetype " + b64("image/jpeg"));

        assertThat(metadata).containsExactly(Map.entry("filename", "été.jpg"), Map.entry("empty", ""),
                Map.entry("filetype", "image/jpeg"));
        assertThat(TusMetadata.header(Map.of("b", "2", "a", "1", "tus-concat", "partial")))
                .isEqualTo("a " + b64("1") + ",b " + b64("2"));
    }

    @Test
    void shouldRefuseUploadMetadataThatIsMalformedReservedDuplicatedOrTooLarge() {
        assertThatThrownBy(() -> TusMetadata.parse("filename not*base64")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TusMetadata.parse("name " + b64("a") + ",name " + b64("b"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TusMetadata.parse("tus-concat " + b64("final"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TusMetadata.parse("filename " + b64("a") + ",,type " + b64("b"))).as("an empty pair")
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TusMetadata.parse("k " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff})))
                .as("not UTF-8").isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TusMetadata.parse("k,".repeat(70))).as("too many pairs, counted before decoding")
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TusMetadata.parse("k " + "A".repeat(100_000))).as("too long").isInstanceOf(ApiException.class);
    }

    @Test
    void shouldReadUploadConcatAndRefuseWhatNamesNoUploadOrTooManyParts() {
        String a = "up_" + "a".repeat(32);
        String b = "up_" + "b".repeat(32);

        assertThat(UploadConcat.parse(null)).isInstanceOf(UploadConcat.None.class);
        assertThat(UploadConcat.parse("partial")).isInstanceOf(UploadConcat.Partial.class);
        assertThat(UploadConcat.parse("final;/v1/tus/" + a + " https://uploads.example/v1/tus/" + b))
                .isEqualTo(new UploadConcat.Final(List.of(a, b)));
        assertThat(UploadConcat.headerOf(UploadConcat.metadataOf(new UploadConcat.Final(List.of(a, b)))))
                .hasValue("final;/v1/tus/" + a + " /v1/tus/" + b);
        assertThatThrownBy(() -> UploadConcat.parse("final;/v1/tus/../../etc")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadConcat.parse("final;")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadConcat.parse("whole")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadConcat.parse("final;" + ("/v1/tus/" + a + " ").repeat(17)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void shouldAcceptOnlyOffsetsOnTheChunkGridUpToTheEnd() {
        ChunkGrid grid = ChunkGrid.of(2500, 1000);

        UploadOffset.checkStart(0, grid);
        UploadOffset.checkStart(2000, grid);
        UploadOffset.checkStart(2500, grid);
        assertThatThrownBy(() -> UploadOffset.checkStart(500, grid)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadOffset.checkStart(3000, grid)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadOffset.parse("-1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadOffset.parse("1e3")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadOffset.parse(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldReadUploadChecksumOfTheOfferedAlgorithmsOnly() {
        String sha1 = Base64.getEncoder().encodeToString(new byte[20]);

        assertThat(UploadChecksum.parse("sha1 " + sha1)).isPresent();
        assertThat(UploadChecksum.parse(null)).isEmpty();
        assertThatThrownBy(() -> UploadChecksum.parse("md5 " + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadChecksum.parse("sha256 " + sha1)).as("a digest of the wrong length")
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadChecksum.parse("sha1")).isInstanceOf(ApiException.class);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
