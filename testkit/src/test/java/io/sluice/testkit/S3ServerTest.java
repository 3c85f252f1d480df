package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@RealServers
class S3ServerTest {

    private static final int OBJECT_SIZE = 3 * 1024 * 1024 + 17;

    @Test
    void shouldRoundTripAnObjectThroughMinioSdk(S3Server s3) throws Exception {
        s3.createBucket("round-trip");
        byte[] content = new byte[OBJECT_SIZE];
        new Random(42).nextBytes(content);
        MinioClient client = s3.client();

        client.putObject(PutObjectArgs.builder().bucket("round-trip").object("uploads/a/blob")
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType("application/octet-stream").build());

        StatObjectResponse stat = client.statObject(
                StatObjectArgs.builder().bucket("round-trip").object("uploads/a/blob").build());
        assertThat(stat.size()).isEqualTo(content.length);
        try (GetObjectResponse whole = client.getObject(
                GetObjectArgs.builder().bucket("round-trip").object("uploads/a/blob").build())) {
            assertThat(whole.readAllBytes()).isEqualTo(content);
        }
        try (GetObjectResponse range = client.getObject(GetObjectArgs.builder().bucket("round-trip")
                .object("uploads/a/blob").offset(1_000_000L).length(5_000L).build())) {
            assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 1_000_000, 1_005_000));
        }
    }

    @Test
    void shouldCreateBucketOnlyWhenMissing(S3Server s3) throws Exception {
        s3.createBucket("created-twice");
        s3.createBucket("created-twice");

        assertThat(s3.client().bucketExists(BucketExistsArgs.builder().bucket("created-twice").build())).isTrue();
    }

    @Test
    void shouldRefuseAWrongSecretKey(S3Server s3) {
        MinioClient wrongSecret = MinioClient.builder().endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey() + "-wrong").region(s3.region()).build();

        assertThatThrownBy(() -> wrongSecret.bucketExists(BucketExistsArgs.builder().bucket("any-bucket").build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        refused -> assertThat(refused.errorResponse().code()).isEqualTo("AccessDenied"));
    }
}
