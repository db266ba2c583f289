package org.cloak.net;

/** Rules for Application Entity titles (PS3.5 Table 6.2-1, VR AE). */
public final class AeTitles {
    /** Longest AE title: 16 characters. */
    public static final int MAX_LENGTH = 16;

    private AeTitles() {}

    /**
     * Checks an AE title: 1 to 16 characters of the default character repertoire, no
     * backslash, no control characters, not only spaces. Leading and trailing spaces are not
     * significant and are refused here so that titles compare as written.
     */
    public static String check(String aet) {
        if (aet == null || aet.isEmpty() || aet.length() > MAX_LENGTH || !aet.strip().equals(aet)) {
            throw new IllegalArgumentException("Could not use AE title '" + aet + "': it must be 1 to "
                    + MAX_LENGTH + " characters without leading or trailing spaces");
        }
        for (int i = 0; i < aet.length(); i++) {
            char c = aet.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException("Could not use AE title '" + aet
                        + "': only printable ASCII characters other than backslash are allowed");
            }
        }
        return aet;
    }
}
