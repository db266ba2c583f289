package org.cloak.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSourceTest {
    @TempDir
    Path dir;

    private Path touch(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, rel);
    }

    @Test
    void foldersAreWalkedRecursivelyInSortedOrderRelativeToTheirRoot() throws IOException {
        touch("study/b/2.dcm");
        touch("study/a/10.dcm");
        touch("study/a/1.dcm");
        touch("study/top.dcm");
        List<InputItem> items = InputSource.list(List.of(dir.resolve("study")));
        assertThat(items).extracting(i -> i.relative().toString())
                .containsExactly("a/1.dcm", "a/10.dcm", "b/2.dcm", "top.dcm");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.root()).isEqualTo(dir.resolve("study"));
            assertThat(i.file()).isEqualTo(i.root().resolve(i.relative()));
        });
    }

    @Test
    void aFileGivenDirectlyIsRelativeToItsParentAndInputsKeepTheirOrder() throws IOException {
        touch("z/one.dcm");
        touch("a/two.dcm");
        List<InputItem> items = InputSource.list(List.of(dir.resolve("z/one.dcm"), dir.resolve("a")));
        assertThat(items).extracting(i -> i.relative().toString()).containsExactly("one.dcm", "two.dcm");
        assertThat(items.get(0).root()).isEqualTo(dir.resolve("z"));
    }

    @Test
    void listingTwiceGivesTheSameOrder() throws IOException {
        for (int i = 0; i < 50; i++) {
            touch("s/" + (i * 7919 % 50) + "/f" + i);
        }
        assertThat(InputSource.list(List.of(dir.resolve("s")))).isEqualTo(InputSource.list(List.of(dir.resolve("s"))));
    }

    @Test
    void aMissingInputIsAnError() {
        assertThatThrownBy(() -> InputSource.list(List.of(dir.resolve("nope"))))
                .isInstanceOf(IOException.class).hasMessageContaining("input not found");
    }

    @Test
    void linkedFoldersAreNotFollowed() throws IOException {
        touch("data/a.dcm");
        Files.createSymbolicLink(dir.resolve("data/loop"), dir.resolve("data"));
        assertThat(InputSource.list(List.of(dir.resolve("data")))).extracting(i -> i.relative().toString())
                .containsExactly("a.dcm");
    }
}
