package org.cloak.server.auth;

/**
 * Who a request is from.
 *
 * @param csrf the login session's CSRF token when the request came with the session cookie, or
 *     null when it came with an API token (scripts: no CSRF check)
 */
public record Principal(long id, String username, boolean siteAdmin, String csrf) {
    /** The name audit records and jobs carry. */
    @Override
    public String toString() { return username; }
}
