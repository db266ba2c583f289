/**
 * DIMSE messages (PS3.7): command sets in Implicit VR Little Endian, status codes, and the
 * streams that carry data sets as PDVs without holding them whole.
 *
 * <pre>{@code
 * DimseChannel ch = new DimseChannel(association);
 * ch.writeCommand(pcid, Command.echoRq(1));
 * IncomingCommand rsp = ch.readCommand();
 * }</pre>
 */
package org.cloak.net.dimse;
