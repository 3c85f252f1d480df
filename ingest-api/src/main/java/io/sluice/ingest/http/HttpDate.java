package io.sluice.ingest.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RFC 9110's IMF-fixdate ({@code Last-Modified}, {@code Upload-Expires}): the day always has two digits, unlike {@code RFC_1123_DATE_TIME}'s. */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private HttpDate() {}

    public static String of(Instant instant) {
        return IMF_FIXDATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
