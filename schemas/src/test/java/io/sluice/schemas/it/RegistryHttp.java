package io.sluice.schemas.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;

/**
 * Fetches a schema by id with a bare HTTP GET, independent of the project's registry client, so a
 * test can show that "only the registry's schema for the id" is enough to read a record.
 */
final class RegistryHttp {
    private RegistryHttp() {}

    static Schema schemaById(String registryUrl, int id) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id))
                        .header("Accept", "application/vnd.schemaregistry.v1+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /schemas/ids/" + id + " -> " + response.statusCode()
                    + ": " + response.body());
        }
        String schema = new ObjectMapper().readTree(response.body()).path("schema").asText();
        return new Schema.Parser().parse(schema);
    }
}
