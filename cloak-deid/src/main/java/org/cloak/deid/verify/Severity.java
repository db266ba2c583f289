package org.cloak.deid.verify;

/** FAIL findings make the check fail (exit status 1); WARN findings are for the reviewer to judge. */
public enum Severity { FAIL, WARN }
