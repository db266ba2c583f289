package org.cloak.pipeline.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cloak.pipeline.io.PrivateFolders;

/**
 * The files of a run: files given directly, and every regular file under the folders given,
 * walked recursively. Order is stable (inputs in the order given, then paths sorted by name),
 * so two runs over the same inputs see the same sequence. Symbolic links to folders are not
 * followed, so a link cannot make the walk loop or leave the input tree.
 */
public final class InputSource {
    private static final Comparator<Path> BY_NAME = Comparator.comparing(Path::toString);

    private InputSource() {}

    /**
     * Lists the files of {@code inputs}.
     *
     * @throws IOException when an input does not exist or a folder cannot be read
     */
    public static List<InputItem> list(List<Path> inputs) throws IOException {
        List<InputItem> items = new ArrayList<>();
        for (Path input : inputs) {
            Path in = input.toAbsolutePath().normalize();
            if (Files.isDirectory(in)) {
                walk(in, items);
            } else if (Files.isRegularFile(in)) {
                items.add(new InputItem(in, in.getParent(), in.getFileName()));
            } else {
                throw new IOException("input not found or not a regular file or folder: " + input);
            }
        }
        return items;
    }

    /**
     * Lists the files of {@code inputs}, where {@code -} reads more input paths from
     * {@code stdin} (one a line) and a {@code .zip} file is extracted into its own folder under
     * {@code tmp} (its entries are the items). Refused zip entries are added to {@code refused},
     * named {@code archive!entry}.
     */
    public static List<InputItem> list(List<Path> inputs, Path tmp, BufferedReader stdin,
                                       List<ZipInputs.Refused> refused) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path p : inputs) {
            if (p.toString().equals("-")) {
                String line;
                while ((line = stdin.readLine()) != null) {
                    if (!line.isBlank()) {
                        all.add(Path.of(line.strip()));
                    }
                }
            } else {
                all.add(p);
            }
        }
        List<InputItem> items = new ArrayList<>();
        int zips = 0;
        for (Path p : all) {
            if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                List<ZipInputs.Refused> r = new ArrayList<>();
                PrivateFolders.create(tmp); // the entries are originals
                items.addAll(ZipInputs.extract(p, tmp.resolve("zip" + (++zips)), r));
                r.forEach(x -> refused.add(new ZipInputs.Refused(p + "!" + x.entry(), x.reason())));
            } else {
                items.addAll(list(List.of(p)));
            }
        }
        return items;
    }

    private static void walk(Path root, List<InputItem> items) throws IOException {
        List<Path> files = new ArrayList<>();
        // the walk's own attributes decide, so a file costs one stat, not two
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(BY_NAME);
        for (Path f : files) {
            items.add(new InputItem(f, root, root.relativize(f)));
        }
    }
}
