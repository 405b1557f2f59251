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
