package org.cloak.server.qc;

import java.util.List;
import org.cloak.server.job.JobContext;
import org.cloak.server.job.JobHandler;

/** A VERIFY job: runs the automatic check on one session (after a DICOM receive, or on request). */
public final class VerifyJob implements JobHandler {
    private final QcService qc;

    public VerifyJob(QcService qc) {
        this.qc = qc;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        qc.verifySessions(ctx, List.of(ctx.job().session()));
    }
}
