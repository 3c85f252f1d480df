/**
 * Read-side views of Sluice's compacted projection topics, kept in memory by a consumer per view:
 * {@link io.sluice.projections.UploadStatusView} (upload sessions) and
 * {@link io.sluice.projections.AssetIndexView} (the asset index), both built on
 * {@link io.sluice.projections.CompactedTopicView}.
 */
package io.sluice.projections;
