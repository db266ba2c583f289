/**
 * Associations (PS3.8 Section 9.2 state machine, states Sta1 to Sta13), presentation context
 * negotiation ({@link org.cloak.net.assoc.AcceptPolicy}) and the timers that bound every wait.
 *
 * <pre>{@code
 * Association a = Association.awaitRequest(socket, Timeouts.DEFAULT, PduReader.DEFAULT_LENGTH_LIMIT, watchdog);
 * a.accept(acceptance);           // Sta3 -> Sta6
 * Pdu next = a.receive();         // P-DATA-TF or A-RELEASE-RQ
 * }</pre>
 */
package org.cloak.net.assoc;
