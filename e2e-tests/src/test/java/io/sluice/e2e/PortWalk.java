package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.service.ServiceId;
import io.sluice.stack.PortPlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invariant I11 on a running local stack: every port of it is asked for tenant data and internal
 * state with no token, with a wrong kind of token and with the right one. Only the ingest API serves
 * an upload or an asset, and only to the tenant's token; only the admin routes serve internal state,
 * and only to an operator token; the object store refuses an unsigned request; every port listens
 * on the loopback interface alone. The right tokens are tried too, so the walk would see data if
 * any were served.
 */
final class PortWalk {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PortPlan ports;
    private final String tenantToken;
    private final String operatorToken;
    private final String uploadId;
    private final String assetId;
    private final String sha256;
    private final String fileName;

    /** @param sha256 and {@code fileName}: the asset's, which no refusal may show */
    PortWalk(PortPlan ports, String tenantToken, String operatorToken, String uploadId, String assetId, String sha256,
            String fileName) {
        this.ports = ports;
        this.tenantToken = tenantToken;
        this.operatorToken = operatorToken;
        this.uploadId = uploadId;
        this.assetId = assetId;
        this.sha256 = sha256;
        this.fileName = fileName;
    }

    void assertNothingServedWithoutTheRightToken() throws Exception {
        List<String> dataPaths = List.of("/v1/assets", "/v1/assets?tenant=dev", "/v1/assets/" + assetId,
                "/v1/assets/" + assetId + "/content", "/v1/uploads/" + uploadId);
        List<String> adminPaths = List.of("/admin/stores", "/admin/");
        for (ServiceId id : ServiceId.values()) {
            int port = ports.service(id);
            boolean api = id == ServiceId.INGEST_API;
            for (String path : dataPaths) {
                assertRefused(port, path, null);
                assertRefused(port, path, operatorToken);
                if (api) assertThat(status(port, path, tenantToken)).as("%s%s as the tenant", id, path).isEqualTo(200);
                else assertRefused(port, path, tenantToken);
            }
            for (String path : adminPaths) {
                assertRefused(port, path, null);
                assertRefused(port, path, tenantToken);
            }
            for (String path : List.of("/v1/stats/uploads", "/v1/stats/recent", "/v1/stats/throughput",
                    "/v1/stats/failures")) {
                assertRefused(port, path, null);
                assertRefused(port, path, "not-a-token");
                if (api) {
                    assertThat(status(port, path, tenantToken)).as("%s%s as the tenant", id, path).isEqualTo(200);
                    assertThat(status(port, path, operatorToken)).as("%s%s as an operator", id, path).isEqualTo(200);
                } else {
                    assertRefused(port, path, tenantToken);
                    assertRefused(port, path, operatorToken);
                }
            }
            HttpResponse<String> page = get(port, "/dashboard", null);
            assertThat(page.statusCode()).as("%s/dashboard", id).isEqualTo(api ? 200 : 404);
            assertThat(page.body()).doesNotContain(uploadId).doesNotContain(assetId).doesNotContain(fileName);
            for (String path : List.of("/health/live", "/health/ready", "/metrics", "/")) {
                HttpResponse<String> open = get(port, path, null);
                assertThat(open.body()).as("%s%s", id, path).doesNotContain(uploadId).doesNotContain(assetId)
                        .doesNotContain(sha256);
            }
        }
        HttpResponse<String> stores = get(ports.service(ServiceId.SESSION_PROCESSOR), "/admin/stores", operatorToken);
        assertThat(stores.statusCode()).as("the operator reads the stores").isEqualTo(200);
        assertThat(stores.body()).contains(uploadId);
        assertThat(get(ports.service(ServiceId.SESSION_PROCESSOR), "/admin/stores", "not-a-token").statusCode())
                .isEqualTo(401);

        HttpResponse<String> unsignedListing = get(ports.s3(), "/sluice?list-type=2", null);
        assertThat(unsignedListing.statusCode()).as("an unsigned S3 listing").isEqualTo(403);
        assertThat(unsignedListing.body()).doesNotContain(uploadId.substring(3)).doesNotContain(assetId);

        List<Integer> all = new ArrayList<>(List.of(ports.kafka(), ports.kafkaController(), ports.registry(), ports.s3()));
        for (ServiceId id : ServiceId.values()) all.add(ports.service(id));
        for (int port : all) {
            assertThat(listeningAddresses(port)).as("addresses port %d listens on", port).containsOnly("127.0.0.1");
        }
    }

    /**
     * A refusal, and nothing of the upload in it: the problem's {@code instance} echoes the path
     * asked for, so the path is taken out before the ids are looked for.
     */
    private void assertRefused(int port, String path, String token) throws Exception {
        HttpResponse<String> answer = get(port, path, token);
        assertThat(answer.statusCode()).as("%d%s with %s", port, path, token == null ? "no token" : "a token")
                .isIn(401, 404);
        String beyondTheEcho = answer.body().replace(path.split("\\?")[0], "");
        assertThat(beyondTheEcho).as("%d%s", port, path).doesNotContain(uploadId).doesNotContain(assetId)
                .doesNotContain(sha256).doesNotContain(fileName).doesNotContain("\"sessions\"");
    }

    private static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(port, path, token), HttpResponse.BodyHandlers.ofString());
    }

    /** The status only: an asset's content is hundreds of MiB here. */
    private static int status(int port, String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(port, path, token), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return request.build();
    }

    /**
     * The local addresses a listening socket on {@code port} is bound to, from the kernel's socket
     * tables: {@code 127.0.0.1}, {@code ::1}, or {@code 0.0.0.0} / {@code ::} for every interface.
     */
    static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) continue;
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                boolean listen = columns[3].equals("0A");
                if (listen && Integer.parseInt(local[1], 16) == port) addresses.add(address(local[0]));
            }
        }
        return addresses;
    }

    /** A kernel-table address: little-endian hex words. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
        }
        return switch (hex.toUpperCase(Locale.ROOT)) {
            case "00000000000000000000000000000000" -> "::";
            case "00000000000000000000000001000000" -> "::1";
            case "0000000000000000FFFF00000100007F" -> "127.0.0.1";
            default -> "ipv6 " + hex;
        };
    }
}
