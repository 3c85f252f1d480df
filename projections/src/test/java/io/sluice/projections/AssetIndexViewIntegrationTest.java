package io.sluice.projections;

import static io.sluice.projections.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeRole;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The asset index view on the real broker and registry. */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetIndexViewIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TransactionalWriter writer;
    private AssetIndexView view;

    @BeforeAll
    void start(KafkaServer kafka, SchemaRegistryServer registryServer) {
        kafka.createTopic(Topics.ASSET_INDEX.name(), Topics.ASSET_INDEX.partitions(), Topics.ASSET_INDEX.config());
        SluiceConfig config = SluiceConfig.of(Map.of(Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registryServer.url()));
        SchemaRegistryClient registry = SchemaRegistryClient.of(registryServer.url());
        writer = new TransactionalWriter(kafka, registry);
        view = AssetIndexView.start(config, registry, TestDirectories.newDirectory("view"));
    }

    @AfterAll
    void stop() {
        view.close();
        writer.close();
    }

    private AssetIndexEntry commit(AssetIndexEntry entry) {
        writer.commit(Topics.ASSET_INDEX, entry.getAssetId(), entry);
        return entry;
    }

    @Test
    void shouldListATenantsCommittedAssetsNewestFirstInPages() throws Exception {
        String tenant = Samples.newTenant();
        AssetIndexEntry oldest = commit(Samples.entry(tenant, T0));
        AssetIndexEntry middle = commit(Samples.entry(tenant, T0.plusSeconds(1)));
        AssetIndexEntry newest = commit(Samples.entry(tenant, T0.plusSeconds(2)));
        commit(Samples.entry(Samples.newTenant(), T0.plusSeconds(3)));

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        AssetPage first = view.list(tenant, 2, null);
        assertThat(first.items()).containsExactly(newest, middle);
        AssetPage second = view.list(tenant, 2, first.nextCursor());
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.nextCursor()).isNull();
        assertThat(view.get(middle.getAssetId())).contains(middle);
    }

    @Test
    void shouldListTheDerivativesOfAnOriginalOldestFirst() throws Exception {
        String tenant = Samples.newTenant();
        AssetIndexEntry original = commit(Samples.entry(tenant, T0));
        AssetIndexEntry display = commit(Samples.entry(tenant, T0.plusSeconds(1),
                Samples.derivativeOf(original, DerivativeRole.DISPLAY)));
        AssetIndexEntry thumbnail = commit(Samples.entry(tenant, T0.plusSeconds(2),
                Samples.derivativeOf(original, DerivativeRole.THUMBNAIL)));
        AssetIndexEntry placeholder = commit(Samples.entry(tenant, T0.plusSeconds(3),
                Samples.derivativeOf(original, DerivativeRole.PLACEHOLDER)));

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        assertThat(view.derivativesOf(original.getAssetId())).containsExactly(display, thumbnail, placeholder);
    }

    @Test
    void shouldReturnFromAwaitOnceTheAssetIsIndexedAndListed() throws Exception {
        String tenant = Samples.newTenant();
        AssetIndexEntry entry = Samples.entry(tenant, T0);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<AssetIndexEntry>> indexed = executor.submit(() -> view.await(entry.getAssetId(), TIMEOUT));

            commit(entry);

            assertThat(indexed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).contains(entry);
            // listed no later than it became readable
            assertThat(view.list(tenant, 10, null).items()).containsExactly(entry);
        }
    }

    @Test
    void shouldAnswerEmptyWhenAwaitTimesOut() throws Exception {
        assertThat(view.await(Samples.entry("acme", T0).getAssetId(), Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void shouldRemoveAnAssetEverywhereOnATombstone() throws Exception {
        String tenant = Samples.newTenant();
        AssetIndexEntry original = commit(Samples.entry(tenant, T0));
        AssetIndexEntry derivative = commit(Samples.entry(tenant, T0.plusSeconds(1),
                Samples.derivativeOf(original, DerivativeRole.THUMBNAIL)));
        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(view.derivativesOf(original.getAssetId())).containsExactly(derivative);

        writer.commit(Topics.ASSET_INDEX, derivative.getAssetId(), null);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(view.get(derivative.getAssetId())).isEmpty();
        assertThat(view.list(tenant, 10, null).items()).containsExactly(original);
        assertThat(view.derivativesOf(original.getAssetId())).isEmpty();
    }
}
