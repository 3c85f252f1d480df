package io.sluice.blob.assembly;

/** What an assembly did. */
public enum AssemblyResult {
    COMPOSED,
    STREAMED,
    /** The asset object was there already, with the verified size: an earlier attempt made it. */
    ALREADY_STORED
}
