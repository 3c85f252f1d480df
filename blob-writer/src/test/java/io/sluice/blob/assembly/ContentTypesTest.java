package io.sluice.blob.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void shouldStoreAValidDeclaredType() {
        assertThat(ContentTypes.forObject("image/png")).isEqualTo("image/png");
        assertThat(ContentTypes.forObject("text/plain; charset=utf-8")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void shouldFallBackToOctetStreamForWhatIsNoMediaType() {
        assertThat(ContentTypes.forObject("not a type")).isEqualTo(ContentTypes.OCTET_STREAM);
        assertThat(ContentTypes.forObject("")).isEqualTo(ContentTypes.OCTET_STREAM);
        assertThat(ContentTypes.forObject(null)).isEqualTo(ContentTypes.OCTET_STREAM);
    }
}
