namespace SupplyChainSim.Model.Chips;

/// <summary>The 3A090 thresholds, as the rule text states them.</summary>
public static class Eccn3A090
{
    public static ExportClass Classify(ChipSpec chip) => Classify(chip.Tpp, chip.PerformanceDensity);

    /// <param name="tpp">Total processing performance.</param>
    /// <param name="performanceDensity">TPP per mm2 of die, or null if unknown (then only the TPP tests apply).</param>
    public static ExportClass Classify(double tpp, double? performanceDensity)
    {
        var pd = performanceDensity ?? 0;
        // 3A090.a: TPP >= 4,800, or TPP >= 1,600 and PD >= 5.92.
        if (tpp >= 4800 || (tpp >= 1600 && pd >= 5.92)) return ExportClass.Eccn3A090a;
        // 3A090.b: TPP >= 2,400 and < 4,800 with 1.6 <= PD < 5.92, or TPP >= 1,600 with 3.2 <= PD < 5.92.
        if ((tpp is >= 2400 and < 4800 && pd is >= 1.6 and < 5.92) || (tpp >= 1600 && pd is >= 3.2 and < 5.92))
            return ExportClass.Eccn3A090b;
        return ExportClass.NotControlled;
    }
}
