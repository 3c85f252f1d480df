package io.sluice.client.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeStoreTest {

    @TempDir
    Path directory;

    @Test
    void shouldFindAnUploadOnlyForTheSameServerFileSizeAndModificationTime() throws Exception {
        ResumeStore store = new ResumeStore(directory.resolve("state/uploads.json"));
        ResumeStore.Key key = new ResumeStore.Key("http://a/", "/data/photo.jpg", 100, 5);
        store.remember(key, "up_1");

        assertThat(store.find(key)).hasValue("up_1");
        assertThat(store.find(new ResumeStore.Key("http://b/", "/data/photo.jpg", 100, 5))).isEmpty();
        assertThat(store.find(new ResumeStore.Key("http://a/", "/data/photo.jpg", 101, 5))).as("the file grew").isEmpty();
        assertThat(store.find(new ResumeStore.Key("http://a/", "/data/photo.jpg", 100, 6))).as("the file changed").isEmpty();
        assertThat(new ResumeStore(directory.resolve("state/uploads.json")).find(key)).as("kept in the file").hasValue("up_1");

        store.remember(key, "up_2");
        assertThat(store.find(key)).as("replaced").hasValue("up_2");
        store.forget(key);
        assertThat(store.find(key)).isEmpty();
    }

    @Test
    void shouldStartOverWhenTheFileIsDamaged() throws Exception {
        Path file = directory.resolve("uploads.json");
        Files.writeString(file, "{not json");
        ResumeStore store = new ResumeStore(file);
        ResumeStore.Key key = new ResumeStore.Key("http://a/", "/f", 1, 1);

        assertThat(store.find(key)).isEmpty();
        store.remember(key, "up_1");
        assertThat(store.find(key)).hasValue("up_1");
    }

    @Test
    void shouldKeepAtMostItsBoundDroppingTheOldest() throws Exception {
        ResumeStore store = new ResumeStore(directory.resolve("uploads.json"));
        for (int i = 0; i <= ResumeStore.MAX_ENTRIES; i++) {
            store.remember(new ResumeStore.Key("http://a/", "/f" + i, 1, 1), "up_" + i);
        }

        assertThat(store.find(new ResumeStore.Key("http://a/", "/f0", 1, 1))).isEmpty();
        assertThat(store.find(new ResumeStore.Key("http://a/", "/f" + ResumeStore.MAX_ENTRIES, 1, 1))).isPresent();
    }
}
