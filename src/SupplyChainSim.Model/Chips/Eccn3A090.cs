namespace SupplyChainSim.Model.Chips;

/// <summary>Where a chip falls under ECCN 3A090 (BIS rules of October 2022 and 2023).</summary>
public enum ExportClass
{
    /// <summary>Below both thresholds: no 3A090 licence requirement.</summary>
    NotControlled,

    /// <summary>3A090.b: data-centre chips in the notified advanced computing band.</summary>
    Eccn3A090b,

    /// <summary>3A090.a: licence required; presumption of denial to Country Group D:5 and Macau.</summary>
    Eccn3A090a,
}

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
