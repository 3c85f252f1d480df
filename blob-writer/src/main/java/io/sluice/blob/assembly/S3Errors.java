package io.sluice.blob.assembly;

import io.minio.errors.ErrorResponseException;

/** Reading the S3 error codes the blob writer acts on. */
final class S3Errors {

    private S3Errors() {}

    static boolean isNoSuchKey(ErrorResponseException e) {
        return "NoSuchKey".equals(e.errorResponse().code());
    }
}
