package org.cloak.server.api;

import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** An HTTPS connector from a key store (PKCS#12 or JKS); the password is read from its file and not kept in a log. */
public final class TlsConnector {
    private final Path keyStore;
    private final String password;
    private final String host;
    private final int port;

    public TlsConnector(Path keyStore, String password, String host, int port) {
        this.keyStore = keyStore;
        this.password = password;
        this.host = host;
        this.port = port;
    }

    Connector connector(Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keyStore.toString());
        ssl.setKeyStorePassword(password);
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector c = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
        c.setHost(host);
        c.setPort(port);
        return c;
    }
}
