/**
 * Reports on pixel data without changing it: which rules match a file and what OCR finds
 * ({@link org.cloak.pixel.scan.PixelScan}), and region rules proposed from the hits
 * ({@link org.cloak.pixel.scan.RuleProposal}); {@code cloak pixels scan} and {@code propose}
 * print them.
 *
 * <pre>{@code
 * PixelScan scan = new PixelScan(PixelPolicy.none(), PixelCodecs.standard(), TesseractCli.standard());
 * RuleProposal p = new RuleProposal();
 * p.add(scan.scan(DicomReader.read(file)));
 * }</pre>
 */
package org.cloak.pixel.scan;
