package org.cloak.server.web;

import java.util.List;
import org.cloak.server.audit.AuditTrail;

/** Audit records as CSV, the columns of {@code GET /api/v1/audit.csv}. */
final class AuditCsv {
    private AuditCsv() {}

    static String csv(List<AuditTrail.Event> events) {
        StringBuilder sb = new StringBuilder("id,at,actor,action,project,target,detail\r\n");
        for (AuditTrail.Event e : events) {
            sb.append(e.id()).append(',').append(cell(e.at())).append(',').append(cell(e.actor())).append(',')
                    .append(cell(e.action())).append(',').append(cell(e.project())).append(',')
                    .append(cell(e.target())).append(',').append(cell(e.detail())).append("\r\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + t.replace("\"", "\"\"") + "\"";
    }
}
