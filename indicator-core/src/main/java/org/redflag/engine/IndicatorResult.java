package org.redflag.engine;

/**
 * One row per evaluated indicator: whether it fired, its strength in [0, 1], and its contribution
 * to the model's log-odds (negative for indicators the model treats as protective). The contribution
 * is measured before any probability calibration of the model (see {@code LogisticRiskModel}).
 */
public record IndicatorResult(String id, boolean fired, double strength, double contribution) {}
