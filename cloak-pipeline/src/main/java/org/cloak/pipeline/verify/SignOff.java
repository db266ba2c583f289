package org.cloak.pipeline.verify;

/**
 * A reviewer's sign-off of a checked output, one line of {@code OUT/.cloak/signoff.jsonl}, which
 * the server's QC board reads.
 *
 * @param at ISO-8601 instant
 * @param passed the verdict of the check signed
 */
public record SignOff(String reviewer, String at, String outDir, String inDir, String recipe, boolean passed,
                      int files, long fails, long warnings, String note) {

    public static SignOff of(VerifyReport r, String reviewer, String note, String at) {
        return new SignOff(reviewer, at, r.outDir(), r.inDir(), r.recipe(), r.passed(), r.counts().outputs(),
                r.counts().fails(), r.counts().warnings(), note == null ? "" : note);
    }
}
