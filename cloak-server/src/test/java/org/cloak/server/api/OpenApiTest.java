package org.cloak.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cloak.server.Backend;
import org.cloak.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document served lists exactly the routes the router has. */
class OpenApiTest {
    @TempDir
    Path tmp;

    @Test
    void theDocumentAndTheRouterAgree() throws Exception {
        try (TestServer s = TestServer.start(tmp, Backend.H2)) {
            Set<String> routed = new TreeSet<>();
            for (Api.Route route : s.server().api().routes()) {
                routed.add(route.method() + " " + route.path() + " " + route.roles());
            }
            // the list, for whoever updates the document
            java.nio.file.Files.write(Path.of("target", "routes.txt"), routed);
            TestServer.Response r = s.get("/api/v1/openapi.json", null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(r.body());
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            Set<String> documented = new TreeSet<>();
            for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
                String p = paths.next();
                for (Iterator<String> ms = doc.get("paths").get(p).fieldNames(); ms.hasNext(); ) {
                    String m = ms.next();
                    if (!m.equals("parameters")) {
                        documented.add(m.toUpperCase(Locale.ROOT) + " /api/v1" + p);
                    }
                }
            }
            Set<String> paths = new TreeSet<>();
            for (Api.Route route : s.server().api().routes()) {
                paths.add(route.method() + " " + route.path());
            }
            assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(paths);
        }
    }
}
