package io.sluice.blob.assembly;

/** What an assembly did. */
public enum AssemblyResult {
    COMPOSED,
    /** Completed from the parts its chunks were written as when they arrived: nothing copied. */
    COMPLETED_IN_PLACE,
    STREAMED,
    /** The asset object was there already, with the verified size: an earlier attempt made it. */
    ALREADY_STORED
}
