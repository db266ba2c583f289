package org.cloak.server.web;

/**
 * What every page's layout needs: the title, who is signed in (null on the sign-in page), the
 * CSRF token its forms carry, the fingerprinted asset URLs and the current section of the menu.
 *
 * @param user the signed-in user's name, or null
 * @param csrf the login session's CSRF token (or the sign-in form's), put in every form and in an htmx header
 * @param nav the menu entry to mark as current: projects, jobs, audit, admin, account
 * @param notice a message shown once at the top (the result of the last action), or null
 */
public record Page(String title, String user, boolean admin, String csrf, String css, String js, String htmx,
                   String icon, String nav, String notice) {}
