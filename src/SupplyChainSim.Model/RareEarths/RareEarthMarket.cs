using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>
/// The magnet trade month by month: the exporter's policy sets its supply, importers draw down stocks when supply
/// falls short of need, and shortage builds political pressure. When the importer's concession rule fires it offers
/// chip licences; if the exporter accepts, the licences enter the regime and magnet exports resume.
/// </summary>
public sealed class RareEarthMarket
{
    public SortedDictionary<string, ImporterState> Importers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Policy changes made during the run (acceptance, script), on top of the scenario's policy timeline.</summary>
    public List<ExportPolicySpec> PolicyChanges { get; init; } = [];

    public List<Concession> Concessions { get; init; } = [];

    public int MonthsOverThreshold { get; set; }

    public YearMonth? LastOffer { get; set; }

    public static RareEarthMarket Create(RareEarthSpec spec) => new()
    {
        Importers = new SortedDictionary<string, ImporterState>(
            spec.Importers.ToDictionary(i => i.Country, i => new ImporterState
            {
                Stock = i.StockMonths * i.MonthlyNeedTonnes,
                Alternative = i.MonthlyNeedTonnes * (1 - i.ShareFromExporter),
            }), StringComparer.Ordinal),
    };

    public ExportPolicySpec PolicyAt(RareEarthSpec spec, YearMonth month) =>
        (spec.Exporter?.Policy ?? []).Concat(PolicyChanges).Where(p => p.From <= month)
            .Select((p, i) => (p, i)).OrderBy(x => x.p.From).ThenBy(x => x.i).Select(x => x.p).LastOrDefault()
        ?? new ExportPolicySpec { From = month, Policy = "open" };

    /// <summary>Trades the month: policy, supply and stocks, shortage and pressure, concessions offered and accepted.</summary>
    public RareEarthMonth TradeMagnets(RareEarthSpec spec, YearMonth month)
    {
        var events = new List<RareEarthEvent>();
        var exporter = spec.Exporter?.Country;
        foreach (var scripted in spec.Script.Where(e => e.Month == month))
        {
            if (scripted.Type == "exporter-policy")
            {
                PolicyChanges.Add(new ExportPolicySpec { From = month, Policy = scripted.Policy ?? "open", ApprovalRate = scripted.ApprovalRate });
                events.Add(new RareEarthEvent(month, "exporter-policy", null, exporter) { Policy = scripted.Policy, ApprovalRate = scripted.ApprovalRate, Scripted = true });
            }
            else
            {
                var concession = new Concession(month, scripted.Importer ?? spec.Importers.FirstOrDefault()?.Country ?? "US", exporter ?? "CN",
                    scripted.ChipModels, scripted.RevenueShare, scripted.QuotaH100ePerMonth);
                Concessions.Add(concession);
                events.Add(new RareEarthEvent(month, "concession-accepted", concession.OfferedBy, concession.AcceptedBy) { Terms = concession, Scripted = true });
            }
        }

        var policy = PolicyAt(spec, month);
        var importers = new List<ImporterMonth>();
        foreach (var importer in spec.Importers)
        {
            var state = Importers[importer.Country];
            var need = importer.MonthlyNeedTonnes;
            var fromExporter = need * importer.ShareFromExporter * policy.SupplyFactor;
            var supply = fromExporter + state.Alternative;
            // Other sources are developed while the exporter holds back, not in normal times, when its magnets are cheapest.
            if (policy.SupplyFactor < 1)
                state.Alternative = Math.Min(need, state.Alternative * (1 + importer.AlternativeGrowthPerMonth));
            state.Stock += supply - need;
            var shortage = state.Stock < 0 ? Math.Min(1, -state.Stock / need) : 0;
            // Importers rebuild their usual stock from any surplus, and hold no more: a run starting years before a
            // restriction does not hoard its way through it.
            state.Stock = Math.Clamp(state.Stock, 0, importer.StockMonths * need);
            state.Pressure = importer.PressureDecay * state.Pressure + shortage;
            importers.Add(new ImporterMonth(importer.Country, supply / need, shortage, state.Pressure,
                1 - importer.BuildOutElasticity * shortage, 1 - importer.ProductionElasticity * shortage)
            {
                StockTonnes = state.Stock,
                StockMonths = state.Stock / need,
                FromExporterVsNormal = policy.SupplyFactor,
            });
        }

        if (spec.Script.Count == 0 && spec.ConcessionRule is { Enabled: true } rule && Concessions.Count == 0
            && importers.FirstOrDefault(i => i.Country == rule.Importer) is { } offering)
        {
            var measure = rule.Trigger == "pressure" ? offering.Pressure : offering.Shortage;
            MonthsOverThreshold = measure >= rule.Threshold ? MonthsOverThreshold + 1 : 0;
            if (MonthsOverThreshold >= rule.ForMonths && (LastOffer is null || month - LastOffer.Value >= rule.ForMonths))
            {
                LastOffer = month;
                var offer = new Concession(month, rule.Importer, exporter ?? "CN", rule.ChipModels, rule.RevenueShare, rule.QuotaH100ePerMonth);
                events.Add(new RareEarthEvent(month, "concession-offered", rule.Importer, exporter) { Terms = offer });
                if (spec.Exporter?.AcceptsQuotaH100ePerMonth is { } accepts && rule.QuotaH100ePerMonth >= accepts)
                {
                    Concessions.Add(offer);
                    PolicyChanges.Add(new ExportPolicySpec { From = month.AddMonths(1), Policy = "open" });
                    events.Add(new RareEarthEvent(month, "concession-accepted", rule.Importer, exporter) { Terms = offer });
                }
            }
        }
        return new RareEarthMonth(importers, events, Concessions.SelectMany(c => c.Rules()).ToList());
    }
}
