package io.sluice.ingest.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void shouldOfferAPlainNameAsItIs() {
        assertThat(ContentDisposition.attachment("photo.jpg"))
                .isEqualTo("attachment; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg");
    }

    @Test
    void shouldKeepQuotesOutOfTheQuotedFallbackAndEncodeThemInTheExtendedName() {
        String header = ContentDisposition.attachment("say \"hi\" \\o/.txt");
        assertThat(header).startsWith("attachment; filename=\"say _hi_ _o/.txt\"; filename*=UTF-8''");
        assertThat(decodedExtendedName(header)).isEqualTo("say \"hi\" \\o/.txt");
        assertThat(header.substring(header.indexOf("filename*"))).doesNotContain("\"").doesNotContain(" ");
    }

    @Test
    void shouldCarryNonAsciiNamesExactlyInUtf8() {
        String header = ContentDisposition.attachment("Übersicht 写真 😀.pdf");
        assertThat(header).contains("filename=\"_bersicht __ _.pdf\"");
        assertThat(header).contains("filename*=UTF-8''%C3%9Cbersicht%20%E5%86%99%E7%9C%9F%20%F0%9F%98%80.pdf");
        assertThat(decodedExtendedName(header)).isEqualTo("Übersicht 写真 😀.pdf");
    }

    @Test
    void shouldNeverLetANameBreakTheHeaderLine() {
        String header = ContentDisposition.attachment("a.txt\r\nSet-Cookie: session=stolen");
        assertThat(header).doesNotContain("\r").doesNotContain("\n");
        assertThat(header).contains("filename=\"a.txt__Set-Cookie: session=stolen\"");
        assertThat(decodedExtendedName(header)).isEqualTo("a.txt\r\nSet-Cookie: session=stolen");
    }

    @Test
    void shouldAnswerNotModifiedOnlyForThisRepresentationsTag() {
        String etag = "\"" + "ab".repeat(32) + "\"";
        assertThat(ConditionalRequest.notModified(Optional.of(etag), etag)).isTrue();
        assertThat(ConditionalRequest.notModified(Optional.of("W/" + etag), etag)).isTrue();
        assertThat(ConditionalRequest.notModified(Optional.of("\"other\", " + etag), etag)).isTrue();
        assertThat(ConditionalRequest.notModified(Optional.of("*"), etag)).isTrue();
        assertThat(ConditionalRequest.notModified(Optional.of("\"other\""), etag)).isFalse();
        assertThat(ConditionalRequest.notModified(Optional.empty(), etag)).isFalse();
    }

    @Test
    void shouldServeARangeOnlyWhileIfRangeStillNamesTheRepresentation() {
        String etag = "\"" + "ab".repeat(32) + "\"";
        String date = "Thu, 21 Nov 2026 10:00:00 GMT";
        assertThat(ConditionalRequest.rangeApplies(Optional.empty(), etag, date)).isTrue();
        assertThat(ConditionalRequest.rangeApplies(Optional.of(etag), etag, date)).isTrue();
        assertThat(ConditionalRequest.rangeApplies(Optional.of(date), etag, date)).isTrue();
        assertThat(ConditionalRequest.rangeApplies(Optional.of("W/" + etag), etag, date)).isFalse();
        assertThat(ConditionalRequest.rangeApplies(Optional.of("\"other\""), etag, date)).isFalse();
        assertThat(ConditionalRequest.rangeApplies(Optional.of("Fri, 22 Nov 2026 10:00:00 GMT"), etag, date)).isFalse();
    }

    private static String decodedExtendedName(String header) {
        String encoded = header.substring(header.indexOf("UTF-8''") + "UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
