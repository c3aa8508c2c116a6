package org.redflag.risk;

/** Review-priority band of a score; thresholds belong to the model. */
public enum Band { LOW, ELEVATED, HIGH }
