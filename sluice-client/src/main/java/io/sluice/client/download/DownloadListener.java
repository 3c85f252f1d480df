package io.sluice.client.download;

/** What a {@link FileDownloader} tells as it goes; every method has a default that does nothing. */
public interface DownloadListener {

    DownloadListener NONE = new DownloadListener() {};

    /** The download begins: {@code alreadyThere} of {@code size} bytes were kept from an earlier attempt. */
    default void started(String assetId, long size, long alreadyThere) {}

    default void received(int bytes) {}
}
