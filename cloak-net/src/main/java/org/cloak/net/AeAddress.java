package org.cloak.net;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote application entity: its AE title, host and TCP port, written {@code AET@HOST:PORT}
 * (an IPv6 host goes in brackets: {@code AET@[::1]:104}).
 */
public record AeAddress(String aeTitle, String host, int port) {
    private static final Pattern FORM = Pattern.compile("([^@]+)@(\\[[^]]+]|[^:@\\[\\]]+):(\\d{1,5})");

    public AeAddress {
        AeTitles.check(aeTitle);
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Could not use the address: the host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Could not use the address: port " + port + " is not in 1..65535");
        }
    }

    /** Parses {@code AET@HOST:PORT}. */
    public static AeAddress parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Could not parse the address '" + text + "': expected AET@HOST:PORT");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new AeAddress(m.group(1), host, Integer.parseInt(m.group(3)));
    }

    @Override
    public String toString() {
        return aeTitle + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
