package io.sluice.stack.readiness;

/** One readiness check: ready or not, and why not. */
public record ProbeResult(boolean ready, String detail) {

    public static ProbeResult isReady() {
        return new ProbeResult(true, "ready");
    }

    public static ProbeResult notReady(String detail) {
        return new ProbeResult(false, detail);
    }

    /** Not ready because the check failed; the exception's message is the reason. */
    public static ProbeResult failed(Exception e) {
        String message = e.getMessage();
        return notReady(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
