package io.sluice.ingest.openapi;

import io.sluice.ingest.http.StaticFiles.StaticFile;
import io.sluice.ingest.http.StaticFiles;
import java.util.Map;

/**
 * {@code GET /openapi.json}: the API described in OpenAPI 3.1 — every route of the ingest API's port,
 * what it takes and answers — served without a token (it describes, it holds no tenant's data). Kept
 * by hand in {@code openapi/openapi.json}; {@code OpenApiDocumentIntegrationTest} fails when it and the
 * routes the server mounts differ.
 */
public final class OpenApiDocument {

    public static final String PATH = "/openapi.json";

    private OpenApiDocument() {}

    public static StaticFiles load() {
        return new StaticFiles(Map.of(PATH, StaticFile.of("application/json", "openapi/openapi.json")),
                "default-src 'none'; frame-ancestors 'none'");
    }
}
