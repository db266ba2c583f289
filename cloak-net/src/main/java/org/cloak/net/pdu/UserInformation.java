package org.cloak.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * The user information item (PS3.8 Annex D.1, PS3.7 Annex D.3.3): maximum length of P-DATA-TF
 * PDUs this side can receive (0 = no limit), implementation identity, and the optional
 * asynchronous operations window and SCP/SCU role selections.
 *
 * @param asyncOperationsWindow null when not negotiated (one operation at a time)
 */
public record UserInformation(int maxPduLength, String implementationClassUid, String implementationVersionName,
                              AsyncOperationsWindow asyncOperationsWindow, List<RoleSelection> roleSelections) {

    public UserInformation {
        if (maxPduLength < 0) {
            throw new IllegalArgumentException("maximum PDU length " + maxPduLength + " is negative");
        }
        Objects.requireNonNull(implementationClassUid, "implementationClassUid");
        roleSelections = List.copyOf(roleSelections);
    }

    /** User information with only the mandatory sub-items and a version name. */
    public static UserInformation of(int maxPduLength, String implementationClassUid, String versionName) {
        return new UserInformation(maxPduLength, implementationClassUid, versionName, null, List.of());
    }

    /** Asynchronous Operations Window sub-item (PS3.7 D.3.3.3); 0 means unlimited. */
    public record AsyncOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed) {}

    /** SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4). */
    public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {
        public RoleSelection {
            Objects.requireNonNull(sopClassUid, "sopClassUid");
        }
    }
}
