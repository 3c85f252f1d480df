/**
 * What an upload may be, and how it is cut into chunks: the rules of the project's bad-input table
 * (docs/upload-rules.md) that depend on the request alone, in plain Java. The ingest API applies
 * them to HTTP requests, the session processor to every request event, whoever produced it; each
 * rule answers with a {@link io.sluice.upload.Violation} naming the stable code, never with an
 * exception, and costs no more than the size of what it checks (no loop or allocation sized by a
 * number the request claims).
 */
package io.sluice.upload;
