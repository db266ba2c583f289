package org.cloak.pixel.corpus;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.Scenes;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.region.Region;

/**
 * A synthetic burned-in corpus: images of five kinds (ultrasound RGB multi-frame, secondary
 * capture, CR, CT, MR) whose header holds a fake patient, with that patient's name, ID, birth
 * date, accession and institution drawn into the pixels by Java2D in several fonts, sizes from
 * 8 to 32 px, positions, polarities and contrasts. Deterministic for a seed; every drawn
 * string's box is kept as ground truth.
 */
public final class BurnedInCorpus {
    static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};
    static final String[][] PATIENTS = {
        {"DOE^JANE", "PID40017", "19620315", "ACC99120", "RIVERSIDE CLINIC"},
        {"SMITH^ROBERT", "MRN77321", "19480702", "A2209871", "NORTHGATE HOSPITAL"},
        {"GARCIA^MARIA", "ID553810", "19891124", "ACC55021", "LAKEVIEW IMAGING"},
        {"NGUYEN^THANH", "PT901244", "20010509", "X7781203", "HILLCREST MEDICAL"},
        {"KOWALSKI^ANNA", "KP123987", "19750130", "ACC31337", "HARBOR HEALTH"}};

    /** One drawn string: its box in pixels and the identifier it shows. */
    public record Drawn(Region box, String text, int frame) {}

    /** One image: the data set (native, little endian), its clean frames and what was drawn. */
    public record Image(String name, DataSet dataset, List<Frame> clean, List<Drawn> drawn) {}

    /** The kinds of image and their pixel layout. */
    public enum Kind {
        US(Photometric.RGB, 8, 8, false, 3, "US", Uid.UltrasoundMultiFrameImageStorage),
        SC(Photometric.MONOCHROME2, 8, 8, false, 1, "OT", Uid.SecondaryCaptureImageStorage),
        CR(Photometric.MONOCHROME1, 16, 12, false, 1, "CR", Uid.ComputedRadiographyImageStorage),
        CT(Photometric.MONOCHROME2, 16, 12, true, 1, "CT", Uid.CTImageStorage),
        MR(Photometric.MONOCHROME2, 16, 16, false, 1, "MR", Uid.MRImageStorage);

        final Photometric photometric;
        final int allocated;
        final int stored;
        final boolean signed;
        final int frames;
        final String modality;
        final String sopClass;

        Kind(Photometric p, int allocated, int stored, boolean signed, int frames, String modality, String sop) {
            this.photometric = p;
            this.allocated = allocated;
            this.stored = stored;
            this.signed = signed;
            this.frames = frames;
            this.modality = modality;
            this.sopClass = sop;
        }
    }

    private BurnedInCorpus() {}

    /** {@code count} images cycling through the kinds, 512x512 (US 480x640), with text when {@code withText}. */
    public static List<Image> make(int count, long seed, boolean withText) {
        List<Image> out = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            out.add(image(kind, i, rnd, withText));
        }
        return out;
    }

    /** One image of a kind; {@code index} picks the patient and the drawing style. */
    public static Image image(Kind kind, int index, Random rnd, boolean withText) {
        int rows = kind == Kind.US ? 480 : 512;
        int columns = kind == Kind.US ? 640 : 512;
        PixelFormat f = TestImages.frames(new PixelFormat(rows, columns, kind.photometric.samples(), kind.allocated,
                kind.stored, kind.stored - 1, kind.signed, kind.photometric, 0, 1), kind.frames);
        String[] p = PATIENTS[index % PATIENTS.length];
        List<Frame> frames = new ArrayList<>();
        List<Drawn> drawn = new ArrayList<>();
        List<Frame> clean = new ArrayList<>();
        for (int n = 0; n < kind.frames; n++) {
            Frame frame = dark(Scenes.scene(f, n + index));
            clean.add(frame.copy());
            if (withText) {
                drawn.addAll(draw(frame, n, p, index, rnd));
            }
            frames.add(frame);
        }
        DataSet ds = TestImages.dataset(f, TestImages.pack(f, frames, ByteOrder.LITTLE_ENDIAN));
        header(ds, kind, p, index);
        return new Image(kind + "-" + index, ds, clean, drawn);
    }

    /** The scene darkened to the lower half of the range, so that overlays stand out as on real images. */
    private static Frame dark(Frame frame) {
        PixelFormat f = frame.format();
        for (int s = 0; s < f.samplesPerPixel(); s++) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    long v = frame.sample(s, x, y);
                    frame.setSample(s, x, y, f.minStored() + (v - f.minStored()) / 2);
                }
            }
        }
        return frame;
    }

    private static void header(DataSet ds, Kind kind, String[] p, int index) {
        ds.setString(Tag.SOPClassUID, Vr.UI, kind.sopClass);
        ds.setString(Tag.Modality, Vr.CS, kind.modality);
        ds.setString(Tag.PatientName, Vr.PN, p[0]);
        ds.setString(Tag.PatientID, Vr.LO, p[1]);
        ds.setString(Tag.PatientBirthDate, Vr.DA, p[2]);
        ds.setString(Tag.AccessionNumber, Vr.SH, p[3]);
        ds.setString(Tag.InstitutionName, Vr.LO, p[4]);
        ds.setString(Tag.StudyDate, Vr.DA, "2023" + String.format("%02d%02d", 1 + index % 12, 1 + index % 28));
        ds.setString(Tag.Manufacturer, Vr.LO, "SYNTHETIC " + kind);
        ds.remove(Tag.WindowCenter);
        ds.remove(Tag.WindowWidth);
        ds.remove(Tag.RescaleSlope);
        ds.remove(Tag.RescaleIntercept);
        if (kind == Kind.US || kind == Kind.SC) {
            ds.setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        }
    }

    /** Draws the identifiers in one style: the lines name, ID, date, accession, institution. */
    private static List<Drawn> draw(Frame frame, int n, String[] p, int index, Random rnd) {
        PixelFormat f = frame.format();
        int size = new int[] {8, 10, 12, 14, 16, 20, 24, 32}[Math.floorMod(index * 3 + n + rnd.nextInt(2), 8)];
        String font = FONTS[Math.floorMod(index + n, FONTS.length)];
        boolean dark = Math.floorMod(index / 2 + n, 3) == 2; // one in three: dark text on a bright band
        double contrast = Math.floorMod(index + 2 * n, 4) == 3 ? 0.6 : 1.0;
        String date = p[2].substring(0, 4) + "-" + p[2].substring(4, 6) + "-" + p[2].substring(6);
        String[] lines = {p[0].replace('^', ' '), "ID " + p[1], "DOB " + date, "ACC " + p[3], p[4]};
        Font awt = new Font(font, Font.PLAIN, size);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int lineHeight = (int) Math.ceil(size * 1.4);
        int blockHeight = lineHeight * lines.length;
        boolean right = Math.floorMod(index + n, 2) == 1;
        boolean bottom = Math.floorMod(index / 3 + n, 2) == 1;
        int y0 = bottom ? f.rows() - blockHeight - 6 : 6;
        List<Drawn> drawn = new ArrayList<>();
        BufferedImage mask = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(awt);
        g.setColor(java.awt.Color.WHITE);
        for (int i = 0; i < lines.length; i++) {
            TextLayout layout = new TextLayout(lines[i], awt, frc);
            Rectangle2D b = layout.getBounds();
            int x = right ? (int) (f.columns() - b.getWidth() - 8) : 8;
            int baseline = y0 + i * lineHeight + (int) Math.ceil(size * 1.0);
            g.drawString(lines[i], x, baseline);
            int bx = (int) Math.floor(x + b.getX());
            int by = (int) Math.floor(baseline + b.getY());
            drawn.add(new Drawn(new Region(Math.max(0, bx), Math.max(0, by), (int) Math.ceil(b.getWidth()) + 2,
                    (int) Math.ceil(b.getHeight()) + 2), lines[i], n));
        }
        g.dispose();
        if (dark) {
            band(frame, drawn);
        }
        composite(frame, mask, dark, contrast);
        return drawn;
    }

    /** A bright band behind dark text, as on screen captures. */
    private static void band(Frame frame, List<Drawn> drawn) {
        PixelFormat f = frame.format();
        for (Drawn d : drawn) {
            Region.Bounds b = d.box().within(f.columns(), f.rows());
            for (int y = Math.max(0, b.y0() - 2); y < Math.min(f.rows(), b.y1() + 2); y++) {
                for (int x = Math.max(0, b.x0() - 2); x < Math.min(f.columns(), b.x1() + 2); x++) {
                    for (int s = 0; s < f.samplesPerPixel(); s++) {
                        frame.setSample(s, x, y, level(f, 0.9));
                    }
                }
            }
        }
    }

    private static void composite(Frame frame, BufferedImage mask, boolean dark, double contrast) {
        PixelFormat f = frame.format();
        long ink = level(f, dark ? 0.9 - 0.8 * contrast : 0.5 + 0.5 * contrast);
        int[] row = new int[f.columns()];
        for (int y = 0; y < f.rows(); y++) {
            mask.getRaster().getSamples(0, y, f.columns(), 1, 0, row);
            for (int x = 0; x < f.columns(); x++) {
                double a = row[x] / 255.0;
                if (a == 0) {
                    continue;
                }
                for (int s = 0; s < f.samplesPerPixel(); s++) {
                    long v = frame.sample(s, x, y);
                    frame.setSample(s, x, y, Math.round(v * (1 - a) + ink * a));
                }
            }
        }
    }

    /** A display level 0..1 as a stored value (MONOCHROME1 inverted). */
    private static long level(PixelFormat f, double t) {
        double d = f.photometric() == Photometric.MONOCHROME1 ? 1 - t : t;
        return f.minStored() + Math.round(d * (f.maxStored() - f.minStored()));
    }
}
