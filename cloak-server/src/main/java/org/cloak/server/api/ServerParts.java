package org.cloak.server.api;

import java.time.Clock;
import org.cloak.server.audit.AuditTrail;
import org.cloak.server.auth.LoginLimiter;
import org.cloak.server.auth.UserService;
import org.cloak.server.config.DataDir;
import org.cloak.server.config.ServerConfig;
import org.cloak.server.db.Database;
import org.cloak.server.entry.Ingest;
import org.cloak.server.entry.QuarantineStore;
import org.cloak.server.job.JobRunner;
import org.cloak.server.job.JobStore;
import org.cloak.server.metrics.Metrics;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.ProjectService;
import org.cloak.server.project.RecipeStore;
import org.cloak.server.qc.QcService;
import org.cloak.server.session.SessionStore;

/** The server's services, built once by {@link CloakServer} and handed to the HTTP routes. */
public record ServerParts(ServerConfig config, Clock clock, DataDir dirs, Database db, UserService users,
                          LoginLimiter limiter, AuditTrail audit, ProjectService projects, RecipeStore recipes,
                          Deidentifiers deids, SessionStore sessions, JobStore jobs, JobRunner runner, Ingest ingest,
                          QuarantineStore quarantine, QcService qc, Metrics metrics) {}
