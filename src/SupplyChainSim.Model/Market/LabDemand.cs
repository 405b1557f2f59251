namespace SupplyChainSim.Model.Market;

/// <summary>
/// What the labs of a grey market's countries wanted in a month and where they turned for it: the work (H100e of work,
/// each source's H100e times its performance) they asked of each kind of source, the H100e of each generation they asked
/// of the grey market, and the H100e they rented. A block sums its labs; the step sums the blocks.
/// </summary>
public sealed class LabDemand
{
    public double WantedWork { get; set; }

    public double SmuggledWork { get; set; }

    public double LawfulWork { get; set; }

    public double DomesticWork { get; set; }

    public double RentedWork { get; set; }

    /// <summary>H100e asked of the grey market, by generation.</summary>
    public SortedDictionary<string, double> Grey { get; init; } = new(StringComparer.Ordinal);

    /// <summary>H100e rented abroad this month.</summary>
    public double RentedH100e { get; set; }

    public void Add(LabDemand other)
    {
        WantedWork += other.WantedWork;
        SmuggledWork += other.SmuggledWork;
        LawfulWork += other.LawfulWork;
        DomesticWork += other.DomesticWork;
        RentedWork += other.RentedWork;
        RentedH100e += other.RentedH100e;
        foreach (var (generation, h100e) in other.Grey) Grey[generation] = Grey.GetValueOrDefault(generation) + h100e;
    }
}
