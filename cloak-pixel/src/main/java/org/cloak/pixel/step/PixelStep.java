package org.cloak.pixel.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.DeidStep;
import org.cloak.deid.Outcome;
import org.cloak.deid.StepContext;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pixel.PixelCoverage;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.deid.pixel.TextMode;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelException;
import org.cloak.pixel.access.CodecLookup;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.region.Black;
import org.cloak.pixel.region.CompressedDomainCleaner;
import org.cloak.pixel.region.Redaction;
import org.cloak.pixel.region.Region;
import org.cloak.pixel.text.TextDetectionException;
import org.cloak.pixel.text.TextDetector;
import org.cloak.pixel.value.ValueSink;

/**
 * The engine's pixel step: blanks the regions of the pixel rules that match an image and,
 * where the OCR scope includes it, the text OCR finds (every word, or the file's own
 * identifiers only), frame by frame, in the image's own transfer syntax (lossless stays
 * lossless; JPEG Baseline and Extended are cleaned in the DCT domain, so nothing else is
 * re-encoded). A cleaned image is marked Burned In Annotation NO with the Clean Pixel Data code
 * (113101). Pixel data it cannot decode when cleaning is needed is quarantined with the reason;
 * text no rule covers in quarantine mode makes the file {@link Outcome.NeedsReview}.
 *
 * <pre>{@code
 * Deidentification deid = preparation.build().withPixelStep(PixelStep.of(recipe.pixels()));
 * }</pre>
 */
public final class PixelStep implements DeidStep, PixelCoverage {
    /** Rewritten pixel data above this size goes to a file rather than the heap. */
    private static final long IN_MEMORY = 32L << 20;
    private static final String PATH = Tags.toString(Tag.PixelData);
    private static final String ORIGIN = "PS3.15 E.3.1 Clean Pixel Data";

    private final PixelPolicy policy;
    private final PixelCodecs codecs;
    private final TextDetector detector;
    private final Path spillDir;

    /**
     * @param detector the OCR engine; may be null when the policy's text mode is off
     * @param spillDir where large rewritten pixel data is kept until written (null: the system's temp folder)
     */
    public PixelStep(PixelPolicy policy, PixelCodecs codecs, TextDetector detector, Path spillDir) {
        if (policy.text() != TextMode.OFF && detector == null) {
            throw new IllegalArgumentException("pixel text mode " + policy.text().word() + " needs an OCR engine");
        }
        this.policy = policy;
        this.codecs = codecs;
        this.detector = detector;
        this.spillDir = spillDir;
    }

    /** The step with this module's codecs and Tesseract (CLI) when the policy reads text. */
    public static PixelStep of(PixelPolicy policy) {
        return new PixelStep(policy, PixelCodecs.standard(),
                policy.text() == TextMode.OFF ? null : org.cloak.pixel.text.TesseractCli.standard(), null);
    }

    public PixelPolicy policy() { return policy; }

    @Override
    public boolean covers(DataSet original) { return policy.covers(original); }

    @Override
    public Outcome apply(StepContext ctx) {
        DataSet original = ctx.original();
        if (!original.contains(Tag.PixelData) || ctx.output() == null) {
            return null;
        }
        List<PixelRule> rules = policy.matching(original);
        boolean scan = policy.scans(original);
        if (rules.isEmpty() && !scan) {
            return null;
        }
        boolean responsible = !rules.isEmpty() || policy.text() != TextMode.DETECT;
        String ts = transferSyntax(ctx, original);
        CodecLookup lookup = codecs.lookup(ts);
        if (lookup instanceof CodecLookup.Unsupported u) {
            return responsible ? held("the pixel data cannot be cleaned: " + u.detail()) : null;
        }
        try {
            FrameText text = scan ? new FrameText(detector, policy.text(), original) : null;
            boolean changed = rewrite(ctx, ts, rules, text);
            if (text != null) {
                record(ctx.events(), text, rules);
            }
            if (responsible) {
                mark(ctx);
            }
            if (changed) {
                ctx.events().add(new AuditEvent(PATH, "PixelData", AuditEvent.Change.MODIFIED, "clean-pixels",
                        describe(rules), null, null));
            }
            if (text != null && policy.text() == TextMode.QUARANTINE && text.uncovered() > 0) {
                return new Outcome.NeedsReview(Outcome.Reason.PIXELS, text.uncovered()
                        + " words of text in the pixels that no pixel rule covers", ctx.output());
            }
            return null;
        } catch (TextDetectionException e) {
            return held("text detection failed: " + e.getMessage());
        } catch (PixelException | UnsupportedOperationException | IllegalArgumentException e) {
            return held("the pixel data could not be cleaned: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (IOException e) {
            return held("the pixel data could not be read or written: " + e.getClass().getSimpleName());
        }
    }

    private boolean rewrite(StepContext ctx, String ts, List<PixelRule> rules, FrameText text) throws IOException {
        DataSet original = ctx.original();
        PixelData pixels = PixelData.open(original, ts, codecs);
        int columns = pixels.format().columns();
        int rows = pixels.format().rows();
        List<Region> ruleRegions = RuleRegions.of(rules, original, columns, rows);
        Element pd = original.get(Tag.PixelData);
        ValueSink sink = pd.value().length() > IN_MEMORY ? ValueSink.toFile(spill()) : ValueSink.inMemory();
        FrameCodec codec = pixels.codec();
        if (codec instanceof CompressedDomainCleaner cleaner) {
            return pixels.rewriteEncoded((n, encoded) -> {
                List<Region> regions = new ArrayList<>(ruleRegions);
                if (text != null) {
                    regions.addAll(text.regions(n, codec.decode(encoded, pixels.format()), ruleRegions));
                }
                if (regions.isEmpty()) {
                    return null;
                }
                CompressedDomainCleaner.Cleaned c = cleaner.clean(encoded, pixels.format(), regions);
                return c == null ? null : c.data();
            }, sink, ctx.output());
        }
        return pixels.rewrite((n, frame) -> edit(n, frame, original, ruleRegions, text), sink, ctx.output());
    }

    private static boolean edit(int n, Frame frame, DataSet original, List<Region> ruleRegions, FrameText text) {
        List<Region> regions = new ArrayList<>(ruleRegions);
        if (text != null) {
            regions.addAll(text.regions(n, frame, ruleRegions));
        }
        if (regions.isEmpty()) {
            return false;
        }
        long[] black;
        try {
            black = Black.of(frame.format(), original);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean changed = false;
        for (Region r : regions) {
            changed |= Redaction.fill(frame, r, black);
        }
        return changed;
    }

    /** Burned In Annotation NO and the Clean Pixel Data code (PS3.15 E.3.1). */
    private static void mark(StepContext ctx) {
        DataSet out = ctx.output();
        AuditEvent.Change change = out.contains(Tag.BurnedInAnnotation) ? AuditEvent.Change.MODIFIED
                : AuditEvent.Change.ADDED;
        out.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
        ctx.events().add(new AuditEvent(Tags.toString(Tag.BurnedInAnnotation), "BurnedInAnnotation", change, "mark",
                ORIGIN, null, null));
        ctx.addMethodCode(CleanPixelDataCode.CODE);
    }

    /** One event per word found: frame, box, confidence and class; never the text. */
    private static void record(List<AuditEvent> events, FrameText text, List<PixelRule> rules) {
        for (FrameText.Detection d : text.detections) {
            String what = "frame " + d.frame() + " box " + d.box().describe() + " confidence "
                    + Math.round(d.box().confidence()) + " class " + (d.phi() ? "PHI" : "TEXT")
                    + (d.coveredByRule() ? " (inside a rule's region)" : "");
            events.add(new AuditEvent(PATH, "PixelData", AuditEvent.Change.MODIFIED,
                    d.blanked() ? "ocr-blank" : "ocr-detect", what, null, null));
        }
    }

    private static String describe(List<PixelRule> rules) {
        return rules.isEmpty() ? "ocr" : "pixel rules " + String.join(", ", rules.stream().map(PixelRule::name)
                .toList());
    }

    /** The syntax the engine was given; native data read without one is taken as it is in the data set. */
    private static String transferSyntax(StepContext ctx, DataSet original) {
        if (ctx.transferSyntaxUid() != null) {
            return ctx.transferSyntaxUid();
        }
        return original.get(Tag.PixelData).value() instanceof Fragments ? null
                : original.isBigEndian() ? Uid.ExplicitVRBigEndian : Uid.ExplicitVRLittleEndian;
    }

    private Path spill() throws IOException {
        Path f = spillDir == null ? Files.createTempFile("cloak-pixels", ".bin")
                : Files.createTempFile(spillDir, "cloak-pixels", ".bin");
        f.toFile().deleteOnExit();
        return f;
    }

    private static Outcome held(String reason) {
        return new Outcome.Quarantined(Outcome.Reason.PIXELS, reason);
    }
}
