/**
 * Protocol data units of the DICOM Upper Layer (PS3.8 Section 9.3) and their binary encoding.
 * {@link org.cloak.net.pdu.Pdu} is sealed: A-ASSOCIATE-RQ/AC/RJ, P-DATA-TF, A-RELEASE-RQ/RP, A-ABORT.
 *
 * <pre>{@code
 * new PduWriter(socket.getOutputStream()).write(new AReleaseRq());
 * Pdu answer = new PduReader(socket.getInputStream(), PduReader.DEFAULT_LENGTH_LIMIT).read();
 * }</pre>
 */
package org.cloak.net.pdu;
