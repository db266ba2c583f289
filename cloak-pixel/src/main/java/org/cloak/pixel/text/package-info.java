/**
 * Burned-in text detection: frames rendered to 8-bit grey ({@link org.cloak.pixel.text.Render}),
 * words found by Tesseract ({@link org.cloak.pixel.text.TesseractCli}), and classified against
 * the file's own identifiers ({@link org.cloak.pixel.text.Identifiers}). The words' text never
 * leaves this package's callers: audits get box, confidence and class only.
 *
 * <pre>{@code
 * BufferedImage grey = Render.grey(frame, dataSet, null);
 * List<TextBox> words = TesseractCli.standard().detect(grey);
 * boolean phi = Identifiers.of(dataSet).matches(words.get(0).text());
 * }</pre>
 */
package org.cloak.pixel.text;
