package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenTest {

    @TempDir
    Path dir;

    @Test
    void isGeneratedOnceAndKept() throws Exception {
        Path file = dir.resolve("home/dev-token");
        DevToken first = DevToken.loadOrCreate(file);
        DevToken second = DevToken.loadOrCreate(file);
        assertThat(second).isEqualTo(first);
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url without padding
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void servicesAskingAtOnceAllGetTheSameToken() throws Exception {
        Path file = dir.resolve("dev-token");
        List<Callable<DevToken>> askers = Collections.nCopies(8, () -> DevToken.loadOrCreate(file));
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            Set<DevToken> tokens = new HashSet<>();
            for (Future<DevToken> token : executor.invokeAll(askers)) tokens.add(token.get());
            assertThat(tokens).containsExactly(DevToken.loadOrCreate(file));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void twoStacksGetDifferentTokens() throws Exception {
        assertThat(DevToken.loadOrCreate(dir.resolve("a")).token())
                .isNotEqualTo(DevToken.loadOrCreate(dir.resolve("b")).token());
    }

    @Test
    void servicesGetTheHexSha256OfTheTokenForTheDevTenant() {
        // printf %s abc | sha256sum
        assertThat(new DevToken("abc").authTokensSetting())
                .isEqualTo("dev=sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
