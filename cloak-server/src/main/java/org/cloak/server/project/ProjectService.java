package org.cloak.server.project;

import java.util.List;
import org.cloak.net.AeTitles;
import org.cloak.server.audit.AuditTrail;

/**
 * Creating, changing and removing projects: the ID and AE title are checked to be free, the
 * first recipe version is stored and the project's vault is made with it.
 */
public final class ProjectService {
    private final ProjectStore store;
    private final RecipeStore recipes;
    private final Deidentifiers deids;
    private final AuditTrail audit;
    private final String serverAe;

    public ProjectService(ProjectStore store, RecipeStore recipes, Deidentifiers deids, AuditTrail audit,
                          String serverAe) {
        this.store = store;
        this.recipes = recipes;
        this.deids = deids;
        this.audit = audit;
        this.serverAe = serverAe;
    }

    public ProjectStore store() { return store; }

    /** Creates a project with its first recipe (the default when {@code recipe} is null). */
    public synchronized Project create(Project p, String recipe, String actor) {
        Project.checkId(p.id());
        checkAe(p.aeTitle(), p.id());
        if (store.get(p.id()).isPresent()) {
            throw new IllegalStateException("the project " + p.id() + " exists");
        }
        String body = recipe == null ? RecipeStore.DEFAULT_BODY : recipe;
        recipes.parse(body);
        store.insert(p);
        recipes.save(p.id(), body, actor, "created with the project");
        deids.current(p.id());
        audit.record(actor, "project-create", p.id(), p.id(), "AE title " + p.aeTitle() + ", new sessions to "
                + p.newSessions().wire());
        return p;
    }

    public synchronized Project update(Project p, String actor) {
        checkAe(p.aeTitle(), p.id());
        store.update(p);
        audit.record(actor, "project-update", p.id(), p.id(), "AE title " + p.aeTitle() + ", new sessions to "
                + p.newSessions().wire() + ", keep arrival " + p.keepArrival());
        return p;
    }

    /** Removes a project from the database; its files and vault stay on disk for an administrator. */
    public synchronized void delete(String id, String actor) {
        store.delete(id);
        recipes.deleteScope(id);
        deids.forget(id);
        audit.record(actor, "project-delete", id, id, null);
    }

    public RecipeVersion saveRecipe(String scope, String body, String actor, String comment) {
        RecipeVersion v = recipes.save(scope, body, actor, comment);
        deids.current(scope);
        audit.record(actor, "recipe-change", scope.equals(RecipeStore.SITE) ? null : scope, scope,
                "version " + v.version());
        return v;
    }

    public List<Project> list() {
        return store.list();
    }

    private void checkAe(String aet, String id) {
        try {
            AeTitles.check(aet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aeTitle: " + e.getMessage(), e);
        }
        if (aet.equals(serverAe)) {
            throw new IllegalStateException("the AE title " + aet + " is the server's own");
        }
        store.byAeTitle(aet).filter(o -> !o.id().equals(id)).ifPresent(o -> {
            throw new IllegalStateException("the AE title " + aet + " belongs to project " + o.id());
        });
    }
}
