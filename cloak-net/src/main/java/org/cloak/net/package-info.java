/**
 * The DICOM network node: Upper Layer (PS3.8), DIMSE (PS3.7), C-ECHO and C-STORE as SCP and SCU.
 * Depends on the codec only. Sub-packages: {@code pdu} (encoding), {@code assoc} (state machine,
 * negotiation, timeouts), {@code dimse} (commands and message streams), {@code scp} (server),
 * {@code scu} (clients).
 *
 * <pre>{@code
 * AeAddress pacs = AeAddress.parse("PACS@pacs.example:104");
 * Status s = new EchoScu(ScuOptions.of("CLOAK")).echo(pacs);
 * }</pre>
 */
package org.cloak.net;
