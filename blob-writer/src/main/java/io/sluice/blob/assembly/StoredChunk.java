package io.sluice.blob.assembly;

import io.sluice.events.ChunkRef;

/** A chunk object as the store describes it: the chunk it holds and its ETag (unquoted, as the SDK gives it). */
record StoredChunk(ChunkRef chunk, String etag) {}
