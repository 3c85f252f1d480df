package io.sluice.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which metrics a {@code /metrics} query names, including queries no well-behaved scraper sends. */
class MetricNamesTest {

    @Test
    void shouldReadEveryNameParameterWithPlainOrEncodedBrackets() {
        assertThat(MetricNames.requested("name[]=a&name%5B%5D=b&name%5b%5d=c&x=d"))
                .containsExactly("a", "b", "c");
    }

    @Test
    void shouldNameNothingForNoQueryOrOtherParameters() {
        assertThat(MetricNames.requested(null)).isEmpty();
        assertThat(MetricNames.requested("")).isEmpty();
        assertThat(MetricNames.requested("name=a&name[]=&flag")).isEmpty();
    }

    @Test
    void shouldIgnoreAMalformedEscapeInsteadOfFailingTheScrape() {
        assertThat(MetricNames.requested("name[]=%zz&name[]=ok")).containsExactly("ok");
    }

    @Test
    void shouldKeepAtMostABoundedNumberOfNames() {
        String many = IntStream.range(0, 10_000).mapToObj(i -> "name[]=m" + i).collect(Collectors.joining("&"));

        assertThat(MetricNames.requested(many)).hasSize(MetricNames.MAX_NAMES).startsWith("m0", "m1");
    }
}
