package org.cloak.pipeline.layout;

import org.cloak.dicom.data.DataSet;

/**
 * What a template layout may name: the de-identified data set (new values only), the time point
 * label, and the file's place found in discovery.
 *
 * @param dataset the de-identified data set
 * @param timepoint the study's time point label, or null
 * @param index 1-based index of the instance in its series (by InstanceNumber, then SOPInstanceUID), or 0 when unknown
 * @param series 1-based index of the series in its study (by SeriesNumber, then SeriesInstanceUID), or 0 when unknown
 */
public record LayoutValues(DataSet dataset, String timepoint, int index, int series) {}
