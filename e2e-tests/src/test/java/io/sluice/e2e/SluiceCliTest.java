package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceClientMain;
import io.sluice.testkit.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line client ({@code sluice upload | download | ls | status}) against the pipeline, through
 * its public interface: arguments in, lines and an exit code out. The interrupted upload runs as its own
 * process, stopped with SIGINT as Ctrl-C stops it, and resumed by the same command.
 */
@OnSharedPipeline
class SluiceCliTest {

    static final int MIB = 1 << 20;

    private static InProcessPipeline pipeline;

    @TempDir
    Path directory;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
    }

    @Test
    void shouldUploadListShowAndDownloadFilesVerified() throws Exception {
        byte[] large = Uploads.randomFile(3 * MIB + 17, 1801);
        byte[] small = Uploads.randomFile(1000, 1802);
        Path largeFile = Files.write(directory.resolve("large.bin"), large);
        Path smallFile = Files.write(directory.resolve("small note.txt"), small);

        Run upload = cli("upload", "--streams", "3", "--chunk-size", Integer.toString(MIB), largeFile.toString(),
                smallFile.toString());

        assertThat(upload.exitCode()).as(upload.err()).isZero();
        assertThat(upload.lines()).hasSize(2);
        String[] first = upload.lines().get(0).split("\t");
        assertThat(first[1]).isEqualTo(Integer.toString(large.length));
        assertThat(first[2]).isEqualTo(SluiceClient.sha256(large, 0, large.length));
        assertThat(first[3]).isEqualTo(largeFile.toString());
        String largeAsset = first[0];
        assertThat(upload.lines().get(1)).startsWith("as_").endsWith("\t" + smallFile);

        Run list = cli("ls", "--limit", "500");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(largeAsset + "\t" + large.length).contains("small note.txt");

        Run status = cli("status", "up_" + largeAsset.substring(3));
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("state     finished", "chunks    4 received, 4 stored, of 4", "asset     " + largeAsset);

        Path back = directory.resolve("back.bin");
        Run download = cli("download", largeAsset, back.toString());
        assertThat(download.exitCode()).as(download.err()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(large);
        assertThat(cli("download", largeAsset, back.toString()).exitCode()).as("no overwrite without --force").isEqualTo(1);
        assertThat(cli("download", "--force", largeAsset, back.toString()).exitCode()).isZero();
    }

    @Test
    void shouldResumeAnUploadInterruptedByCtrlCWithTheSameCommand() throws Exception {
        byte[] file = Uploads.randomFile(48 * MIB + 5, 1803);
        Path path = Files.write(directory.resolve("interrupted.bin"), file);
        Path state = directory.resolve("state.json");
        List<String> command = List.of("upload", "--streams", "1", "--chunk-size", Integer.toString(MIB),
                "--state-file", state.toString(), path.toString());

        Path firstErr = directory.resolve("first.err");
        Process first = cliProcess(command, firstErr);
        Await.until(Duration.ofSeconds(60), () -> Files.readString(firstErr).contains("%") && percent(firstErr) >= 10,
                "the first run 10% through");
        new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("Ctrl-C's status").isEqualTo(130);
        assertThat(Files.readString(firstErr)).contains("interrupted with", "run the same command again to resume");
        assertThat(Files.readString(state)).contains("\"uploadId\"");

        Run second = cli(command.toArray(String[]::new));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).containsPattern("resuming up_[0-9a-f]{32}, [0-9.]+ MiB already there");
        String[] line = second.lines().getFirst().split("\t");
        assertThat(line[2]).isEqualTo(SluiceClient.sha256(file, 0, file.length));
        SluiceClient.ContentDigest content = pipeline.client().contentDigest(line[0]);
        assertThat(content.bytes()).isEqualTo(file.length);
        assertThat(content.sha256()).isEqualTo(line[2]);
        assertThat(Files.readString(state)).as("a finished upload is forgotten").doesNotContain("interrupted.bin");
    }

    @Test
    void shouldResumeADownloadFromTheBytesKeptAndRefuseBytesThatAreNotTheAssets() throws Exception {
        byte[] file = Uploads.randomFile(5 * MIB + 3, 1804);
        Run upload = cli("upload", Files.write(directory.resolve("kept.bin"), file).toString());
        String asset = upload.lines().getFirst().split("\t")[0];
        Path target = directory.resolve("downloaded.bin");
        Path part = directory.resolve("downloaded.bin.part");

        Files.write(part, Arrays.copyOf(file, 3 * MIB));
        Run resumed = cli("download", asset, target.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming, 3.0 MiB already here");
        assertThat(Files.readAllBytes(target)).isEqualTo(file);

        byte[] damaged = Arrays.copyOf(file, 2 * MIB);
        damaged[12345] ^= 1;
        Files.write(part, damaged);
        Run refused = cli("download", "--force", asset, target.toString());
        assertThat(refused.exitCode()).as("verification failed").isEqualTo(3);
        assertThat(part).doesNotExist();
        assertThat(cli("download", "--force", asset, target.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
    }

    @Test
    void shouldExitWithCodesAScriptCanUse() {
        assertThat(cli("status", "up_" + "0".repeat(32)).exitCode()).as("unknown upload").isEqualTo(4);
        assertThat(cli("download", "as_" + "0".repeat(32), directory.resolve("x").toString()).exitCode()).isEqualTo(4);
        assertThat(cli("upload", directory.resolve("no such file").toString()).exitCode()).isEqualTo(4);
        assertThat(cliWithToken("not-a-token", "ls").exitCode()).as("unknown token").isEqualTo(5);
        assertThat(cli("upload").exitCode()).as("usage").isEqualTo(2);
        assertThat(cliWithUrl("http://127.0.0.1:9", "ls").exitCode()).as("no server").isEqualTo(75);
    }

    private Run cli(String... args) {
        return cliWith(pipeline.baseUrl(), pipeline.client().token(), args);
    }

    private Run cliWithToken(String token, String... args) {
        return cliWith(pipeline.baseUrl(), token, args);
    }

    private Run cliWithUrl(String url, String... args) {
        return cliWith(url, pipeline.client().token(), args);
    }

    private Run cliWith(String url, String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty()) all.addAll(1, List.of("--url", url, "--token", token, "--no-progress"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SluiceClientMain.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The client as its own JVM, as {@code ./sluice upload} runs it (progress as plain lines: no terminal). */
    private Process cliProcess(List<String> args, Path err) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SluiceClientMain.class.getName()));
        command.add(args.getFirst());
        command.addAll(List.of("--url", pipeline.baseUrl(), "--token", pipeline.client().token()));
        command.addAll(args.subList(1, args.size()));
        return new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int percent(Path err) throws Exception {
        int highest = 0;
        for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
            int sign = line.indexOf('%');
            if (sign > 3) highest = Math.max(highest, Integer.parseInt(line.substring(sign - 3, sign).trim()));
        }
        return highest;
    }
}
