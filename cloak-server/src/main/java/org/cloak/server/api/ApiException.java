package org.cloak.server.api;

/** An error answered as {@code application/problem+json} (RFC 9457) with the status and a clear message. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }

    public static ApiException badRequest(String m) { return new ApiException(400, m); }

    public static ApiException notFound(String m) { return new ApiException(404, m); }

    public static ApiException forbidden(String m) { return new ApiException(403, m); }

    public static ApiException conflict(String m) { return new ApiException(409, m); }
}
