package org.cloak.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for DICOM connections (PS3.15 Annex B.1, the secure transport connection profiles), with
 * the JDK's JSSE. A node presents the certificate of its key store and trusts the peers whose
 * certificate chains end in its trust store.
 *
 * @param keyStore          key store holding this node's private key and certificate; null for a
 *                          client that does not authenticate itself
 * @param keyStorePassword  password of the key store and of its key
 * @param trustStore        certificates trusted for peers; null for the JDK's default trust store
 * @param trustStorePassword password of the trust store (may be null)
 * @param needClientAuth    for a server: require clients to present a trusted certificate
 * @param verifyHostname    for a client: check that the server certificate names the host dialled
 * @param protocols         enabled protocol versions, e.g. TLSv1.3 and TLSv1.2
 */
public record TlsOptions(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                         boolean needClientAuth, boolean verifyHostname, List<String> protocols) {
    /** BCP 195 versions (PS3.15 B.9): TLS 1.2 and 1.3. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsOptions {
        protocols = protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(protocols);
    }

    /** A server presenting the key store's certificate and trusting the trust store's. */
    public static TlsOptions server(Path keyStore, char[] password, Path trustStore, char[] trustPassword,
                                    boolean needClientAuth) {
        return new TlsOptions(keyStore, password, trustStore, trustPassword, needClientAuth, false, DEFAULT_PROTOCOLS);
    }

    /** A client trusting the trust store's certificates, with an optional key store of its own. */
    public static TlsOptions client(Path trustStore, char[] trustPassword, Path keyStore, char[] password) {
        return new TlsOptions(keyStore, password, trustStore, trustPassword, false, true, DEFAULT_PROTOCOLS);
    }

    /** Builds the JSSE context; key stores are read in their own format (PKCS12 or JKS). */
    public SSLContext context() throws IOException {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyStorePassword), keyStorePassword);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore == null ? null : load(trustStore, trustStorePassword));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                ks.load(in, password);
                return ks;
            } catch (IOException e) {
                throw new IOException("Could not read key store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "TlsOptions[keyStore=" + keyStore + ", trustStore=" + trustStore + ", needClientAuth=" + needClientAuth
                + ", verifyHostname=" + verifyHostname + ", protocols=" + protocols + "]";
    }
}
