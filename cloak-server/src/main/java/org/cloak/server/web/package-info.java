/**
 * The web pages of the archive server: server-rendered HTML (JTE templates compiled at build
 * time, escaped by default) with htmx for the parts that update themselves, served by the same
 * Javalin app as the REST API. Every page route declares the same {@link org.cloak.server.api.Access}
 * rule as its API counterpart, so the API's authorization runs unchanged before it; pages call
 * the server's services, never the database.
 *
 * <pre>{@code
 * WebApp web = new WebApp(parts);
 * web.register(javalin);          // GET /projects, /projects/{id}, ... answered as HTML
 * }</pre>
 */
package org.cloak.server.web;
