package io.sluice.cli;

import io.sluice.client.Asset;
import io.sluice.client.AssetPage;
import io.sluice.client.SluiceApi;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice ls}: the tenant's assets, newest first, one per line: id, size, created, SHA-256, name (tabs). */
@Command(name = "ls", description = "List your assets, newest first.")
final class ListCommand implements Callable<Integer> {

    static final int PAGE = 100;

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOptions output;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--all", description = "Every asset, page after page.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        SluiceApi api = server.api();
        long left = all ? Long.MAX_VALUE : limit;
        String cursor = null;
        do {
            AssetPage page = api.assets((int) Math.min(PAGE, left), cursor);
            for (Asset asset : page.items()) {
                output.out().println(String.join("\t", asset.assetId(), Long.toString(asset.size()),
                        asset.createdAt().toString(), asset.sha256(), asset.fileName()));
                left--;
            }
            cursor = page.nextCursor();
        } while (cursor != null && left > 0);
        output.out().flush();
        return ExitCode.OK.code();
    }
}
