package org.cloak.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.cloak.server.job.Job;
import org.cloak.server.project.Project;
import org.cloak.server.project.RecipeVersion;
import org.cloak.server.session.Session;

/** The JSON shapes of the API's resources. */
final class Views {
    private Views() {}

    static ObjectNode project(Project p) {
        return Json.object().put("id", p.id()).put("name", p.name()).put("description", p.description())
                .put("aeTitle", p.aeTitle()).put("newSessions", p.newSessions().wire())
                .put("keepArrival", p.keepArrival());
    }

    static ObjectNode recipe(RecipeVersion r, boolean withBody) {
        ObjectNode n = Json.object().put("version", r.version()).put("author", r.author()).put("comment", r.comment())
                .put("createdAt", r.createdAt());
        if (withBody) {
            n.put("body", r.body());
        }
        return n;
    }

    static ObjectNode session(Session s) {
        ObjectNode n = Json.object().put("id", s.id()).put("project", s.project()).put("subject", s.subject())
                .put("label", s.label()).put("studyInstanceUid", s.studyUid()).put("area", s.area().wire())
                .put("state", s.state().wire()).put("files", s.files()).put("bytes", s.bytes())
                .put("updatedAt", Instant.ofEpochMilli(s.updatedAt()).toString());
        ObjectNode recipes = n.putObject("recipeVersions");
        putInt(recipes, "site", s.siteRecipe());
        putInt(recipes, "project", s.projectRecipe());
        ObjectNode qc = n.putObject("qc");
        qc.put("anonymizedBy", s.anonymizedBy());
        if (s.verifyPassed() == null) {
            qc.putNull("verifyPassed");
        } else {
            qc.put("verifyPassed", s.verifyPassed());
        }
        putInt(qc, "verifyFails", s.verifyFails());
        putInt(qc, "verifyWarnings", s.verifyWarnings());
        qc.put("signOff", s.qcState().toLowerCase(java.util.Locale.ROOT)).put("reviewer", s.qcReviewer())
                .put("notes", s.qcNotes()).put("colour", colour(s));
        return n;
    }

    /** The tracking board's colour: green passed, red failed, amber waiting for a person, grey not checked. */
    static String colour(Session s) {
        if ("FAILED".equals(s.qcState()) || Boolean.FALSE.equals(s.verifyPassed())) {
            return "red";
        }
        if ("PASSED".equals(s.qcState())) {
            return "green";
        }
        return s.verifyPassed() == null ? "grey" : "amber";
    }

    static ObjectNode job(Job j, Job.Counts c) {
        ObjectNode n = Json.object().put("id", j.id()).put("kind", j.kind().wire()).put("project", j.project())
                .put("state", j.state().wire()).put("createdBy", j.createdBy());
        if (j.session() != null) {
            n.put("session", j.session());
        }
        n.put("total", j.filesTotal()).put("done", c.done()).put("stored", c.stored())
                .put("quarantined", c.quarantined()).put("rejected", c.rejected()).put("bytes", c.bytes())
                .put("bytesTotal", j.bytesTotal()).put("error", j.error());
        n.put("createdAt", time(j.createdAt())).put("startedAt", time(j.startedAt())).put("endedAt", time(j.endedAt()));
        return n;
    }

    private static String time(Long t) {
        return t == null ? null : Instant.ofEpochMilli(t).toString();
    }

    private static void putInt(ObjectNode n, String f, Integer v) {
        if (v == null) {
            n.putNull(f);
        } else {
            n.put(f, v);
        }
    }
}
