package org.cloak.deid.verify;

/**
 * One thing the check found.
 *
 * @param file the output file, relative to the output folder ("" for the whole set)
 * @param path attribute path such as {@code (0040,0275)[0](0008,0104)}, or "" for the file
 * @param keyword the attribute's keyword or private creator, or ""
 * @param rule the rule that decides the attribute (action and origin), or ""
 * @param detail what was found, in words; never holds a value
 * @param value the value concerned, masked unless the reviewer asked to see values
 */
public record Finding(Severity severity, FindingKind kind, String file, String path, String keyword, String rule,
                      String detail, String value) {}
