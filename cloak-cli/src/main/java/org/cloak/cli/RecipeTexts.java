package org.cloak.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the recipe flags' files are read from: the disk where the command runs, or copies of
 * their texts taken there (a Spark executor makes the same recipe again from them).
 */
@FunctionalInterface
interface RecipeTexts {
    /** Reads the files from disk (UTF-8, else ISO-8859-1). */
    RecipeTexts DISK = RecipeTexts::fromDisk;

    /** The text of {@code file}; a file that cannot be read is a usage problem. */
    String read(Path file) throws RunCommand.UsageException;

    private static String fromDisk(Path f) throws RunCommand.UsageException {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                return Files.readString(f, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new RunCommand.UsageException("cannot read " + f + ": " + again.getMessage());
            }
        } catch (IOException e) {
            throw new RunCommand.UsageException("cannot read " + f + ": " + e.getMessage());
        }
    }
}
