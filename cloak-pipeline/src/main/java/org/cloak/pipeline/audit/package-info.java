/**
 * Audit reports of a batch run: a record per input file and a summary per run, written as CSV
 * and as an Excel workbook (optionally encrypted). Input paths appear only as SHA-256 hashes;
 * original values only in an encrypted workbook. See docs/audit.md.
 */
package org.cloak.pipeline.audit;
