package io.sluice.projections;

import io.sluice.events.AssetIndexEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secondary keys of the asset view, in its database beside the entries: each tenant's assets
 * newest first, and each original's derivatives oldest first. A key names the asset and its place
 * ({@code t<tenant>\0<createdAt, descending><assetId>}, {@code d<original>\0<createdAt><assetId>});
 * the database's byte order is the listing order, so a page is one seek and a short scan.
 *
 * <p>Written on the view's consumer thread in the same batch as the entry ({@link #changed}), so
 * once an asset can be read it is also listed.
 */
final class AssetIndexes implements CompactedTopicView.Indexer<AssetIndexEntry> {

    private static final byte BY_TENANT = 't';
    private static final byte DERIVATIVE = 'd';
    private static final int TIME_BYTES = Long.BYTES;

    @Override
    public void changed(String assetId, AssetIndexEntry before, AssetIndexEntry after, ViewDatabase.Update update) {
        // A deleted asset is neither listed nor a derivative of anything: its marker has no keys.
        AssetIndexEntry previous = before != null && AssetIndexView.isLive(before) ? before : null;
        AssetIndexEntry current = after != null && AssetIndexView.isLive(after) ? after : null;
        if (previous != null) {
            update.deleteIndex(tenantKey(previous.getTenant(), AssetOrder.of(assetId, previous)));
            if (previous.getDerivativeOf() != null) {
                update.deleteIndex(derivativeKey(previous.getDerivativeOf().getAssetId(), AssetOrder.of(assetId, previous)));
            }
        }
        if (current != null) {
            update.putIndex(tenantKey(current.getTenant(), AssetOrder.of(assetId, current)));
            if (current.getDerivativeOf() != null) {
                update.putIndex(derivativeKey(current.getDerivativeOf().getAssetId(), AssetOrder.of(assetId, current)));
            }
        }
    }

    /**
     * The tenant's assets after {@code cursor} (null for the first page), newest first.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1 or the cursor is malformed
     */
    static AssetPage list(ViewDatabase database, Function<String, Optional<AssetIndexEntry>> entries, String tenant,
            int limit, String cursor) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        byte[] prefix = group(BY_TENANT, tenant);
        byte[] from = cursor == null ? prefix : tenantKey(tenant, AssetCursor.decode(cursor));
        byte[] cursorSuffix = cursor == null ? null : Arrays.copyOfRange(from, prefix.length, from.length);
        List<AssetOrder> orders = new ArrayList<>(Math.min(limit, 1024) + 1);
        database.scanIndex(prefix, from, suffix -> {
            if (cursorSuffix != null && Arrays.equals(suffix, cursorSuffix)) return true; // the cursor is exclusive
            orders.add(orderOf(suffix, true));
            return orders.size() <= limit;
        });
        boolean more = orders.size() > limit;
        List<AssetIndexEntry> items = new ArrayList<>(Math.min(orders.size(), limit));
        AssetOrder last = null;
        for (AssetOrder order : orders.subList(0, Math.min(orders.size(), limit))) {
            Optional<AssetIndexEntry> entry = entries.apply(order.assetId());
            entry.ifPresent(items::add);
            last = order;
        }
        return new AssetPage(items, more ? AssetCursor.encode(last) : null);
    }

    /** The derivatives of {@code assetId}, oldest first. */
    static List<AssetIndexEntry> derivativesOf(ViewDatabase database, Function<String, Optional<AssetIndexEntry>> entries,
            String assetId) {
        List<String> ids = new ArrayList<>();
        database.scanIndex(group(DERIVATIVE, assetId), group(DERIVATIVE, assetId), suffix -> {
            ids.add(orderOf(suffix, false).assetId());
            return true;
        });
        List<AssetIndexEntry> derivatives = new ArrayList<>(ids.size());
        for (String id : ids) entries.apply(id).ifPresent(derivatives::add);
        return derivatives;
    }

    static byte[] tenantKey(String tenant, AssetOrder order) {
        return key(group(BY_TENANT, tenant), ~sortable(order.createdAtMillis()), order.assetId());
    }

    static byte[] derivativeKey(String original, AssetOrder order) {
        return key(group(DERIVATIVE, original), sortable(order.createdAtMillis()), order.assetId());
    }

    /** The tag, the name and a zero byte (neither tenants nor asset ids contain one). */
    private static byte[] group(byte tag, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(utf8.length + 2).put(tag).put(utf8).put((byte) 0).array();
    }

    private static byte[] key(byte[] group, long time, String assetId) {
        byte[] id = assetId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(group.length + TIME_BYTES + id.length).put(group).putLong(time).put(id).array();
    }

    /** A time whose big-endian bytes sort as the signed number does (unsigned byte order). */
    private static long sortable(long millis) {
        return millis ^ Long.MIN_VALUE;
    }

    private static AssetOrder orderOf(byte[] suffix, boolean descending) {
        long time = ByteBuffer.wrap(suffix, 0, TIME_BYTES).getLong();
        long millis = (descending ? ~time : time) ^ Long.MIN_VALUE;
        return new AssetOrder(millis, new String(suffix, TIME_BYTES, suffix.length - TIME_BYTES, StandardCharsets.UTF_8));
    }
}
