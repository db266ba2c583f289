package org.cloak.cli;

import java.nio.file.Path;
import java.util.Map;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.pipeline.vault.KeySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cloak vault}: authorised re-identification from the project's vault. */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = {"Reads the project's vault: the encrypted secret and re-identification map.",
                "The key is a passphrase (--vault-passphrase-file, or the environment variable "
                        + KeySource.PASSPHRASE_ENV + ") or a key file (--key-file, default ~/.cloak/vault.key)."},
        subcommands = {VaultLookupCommand.class, VaultExportCommand.class})
public final class VaultCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The vault folder and its key; a mixin for every command that opens the vault. */
    public static final class KeyOptions {
        @Option(names = "--vault", paramLabel = "DIR", description = "vault folder (default ~/.cloak/vault)")
        Path vault;

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "file of 32 random bytes (default ~/.cloak/vault.key, used when no passphrase is given);"
                        + " keep it apart from the vault")
        Path keyFile;

        @Option(names = "--vault-passphrase-file", paramLabel = "FILE",
                description = "file whose first line is the vault passphrase (else " + KeySource.PASSPHRASE_ENV + ")")
        Path passphraseFile;

        public Path vaultDir() {
            return vault != null ? vault : SecretStore.defaultVault();
        }

        /** @throws IllegalArgumentException for conflicting or unreadable options */
        public KeySource keySource(Map<String, String> env) {
            return KeySource.from(passphraseFile, keyFile, env);
        }
    }
}
