using CsvHelper;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Output;

/// <summary>
/// licences.csv written a month at a time as a run goes: a large world makes millions of licence decisions, and
/// streamed, they are never all held in memory (the month reports keep a <see cref="LicenceTally"/> of them instead).
/// The bytes are those <see cref="ResultFiles.RenderLicences"/> gives, which writes through this class too.
/// </summary>
public sealed class LicenceLog : ILicenceDecisionSink, IDisposable
{
    public static readonly IReadOnlyList<string> Header =
        ["month", "exporter", "chipModel", "chips", "h100e", "destinationCountry", "consignee", "decision", "rule", "conditions", "revenueShare"];

    private readonly CsvWriter csv;

    /// <param name="destination">Left open: the caller flushes and closes it.</param>
    public LicenceLog(Stream destination)
    {
        csv = ResultFiles.CsvTo(destination);
        ResultFiles.WriteCsvRow(csv, Header);
    }

    /// <summary>Writes the month's decisions (the month as it was stepped, decisions included).</summary>
    public void Append(MonthReport month)
    {
        if (month.DecisionTally is not null) throw new ArgumentException($"{month.Month}: its decisions were streamed already", nameof(month));
        var name = month.Month.ToString();
        foreach (var d in month.Decisions)
            ResultFiles.WriteCsvRow(csv,
            [
                name, d.Order.Seller, d.Order.ChipModel, d.Order.Chips, ResultFiles.H100e(d.Compute), d.Order.DestinationCountry,
                d.Order.Consignee, ResultFiles.OutcomeName(d.Outcome), d.Rule, d.Conditions.ToString(), d.RevenueShare,
            ]);
    }

    /// <summary>Writes what is buffered through to the stream.</summary>
    public void Flush() => csv.Flush();

    public void Dispose() => csv.Dispose();
}
