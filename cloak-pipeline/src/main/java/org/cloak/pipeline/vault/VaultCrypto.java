package org.cloak.pipeline.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of the vault's files. A sealed file is {@code MAGIC | version | nonce |
 * ciphertext+tag}; the first three parts and the file's name are the associated data, so a
 * changed header, a file swapped for another, or a wrong key all fail authentication. Every
 * write draws a fresh random 12-byte nonce.
 */
final class VaultCrypto {
    static final String KDF = "PBKDF2WithHmacSHA256";
    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    static final int KEY_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final byte[] MAGIC = "CLOAKVLT".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int HEADER_BYTES = MAGIC.length + 1 + NONCE_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A cipher per thread: looking one up costs more than sealing a small map; each use starts with init. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(VaultCrypto::newCipher);

    private VaultCrypto() {}

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Stretches a passphrase into a 256-bit key. */
    static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(KDF + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Encrypts {@code plain} as the content of the vault file named {@code name}. */
    static byte[] seal(byte[] key, String name, byte[] plain) {
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(VERSION).put(random(NONCE_BYTES)).array();
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, header);
            c.updateAAD(header);
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] body = c.doFinal(plain);
            return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a sealed vault file.
     *
     * @throws VaultException "wrong key or corrupted vault file" when authentication fails
     */
    static byte[] open(byte[] key, Path file, byte[] sealed) {
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(sealed, MAGIC.length), MAGIC)) {
            throw new VaultException("The vault file " + file + " is damaged (not a Cloak vault file)");
        }
        if (sealed[MAGIC.length] != VERSION) {
            throw new VaultException("The vault file " + file + " has version " + sealed[MAGIC.length]
                    + "; this Cloak reads version " + VERSION);
        }
        byte[] header = Arrays.copyOf(sealed, HEADER_BYTES);
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, header);
            c.updateAAD(header);
            c.updateAAD(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            // no cause attached: nothing about the content belongs in a message or a trace
            throw new VaultException("Wrong key or corrupted vault file " + file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The nonce of a sealed file: changes on every write, so it tells whether a file was rewritten. */
    static byte[] nonce(byte[] sealed) {
        return sealed.length < HEADER_BYTES ? new byte[0] : Arrays.copyOfRange(sealed, MAGIC.length + 1, HEADER_BYTES);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] header) throws GeneralSecurityException {
        Cipher c = CIPHERS.get();
        byte[] nonce = Arrays.copyOfRange(header, MAGIC.length + 1, HEADER_BYTES);
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return c;
    }
}
