using SupplyChainSim.Model.Breaches;

namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// What an exploration found: each outcome's sensitivity to each input (PRCC), and where in input space the outcome
/// sought is likely (PRIM on the points where it is: the peeling trajectory, the box chosen on it, and that box with
/// the limits that do not matter removed, as it is described).
/// </summary>
public sealed class ExplorationAnalysis
{
    /// <summary>PRIM peels this share of a box's points at a time, and stops before a box holds less than <see cref="MinimumMass"/> of all.</summary>
    public const double PeelAlpha = 0.05;

    public const double MinimumMass = 0.05;

    /// <summary>A limit is kept in the box described when its quasi-p-value is below this.</summary>
    public const double Significance = 0.05;

    private ExplorationAnalysis(IReadOnlyList<ExploredInput> inputs, IReadOnlyList<ExplorePoint> points, ExploreTarget target, IReadOnlyList<Sensitivity> sensitivities)
    {
        Inputs = inputs;
        Points = points;
        Target = target;
        Sensitivities = sensitivities;
    }

    public IReadOnlyList<ExploredInput> Inputs { get; }

    public IReadOnlyList<ExplorePoint> Points { get; }

    public ExploreTarget Target { get; }

    /// <summary>Every numeric outcome's PRCC with every input (not measured where too few points ran: fewer than inputs + 3).</summary>
    public IReadOnlyList<Sensitivity> Sensitivities { get; }

    /// <summary>The points, as PRIM reads them: the inputs' values, and whether the outcome sought is likely there.</summary>
    public PrimData Data { get; private init; } = null!;

    /// <summary>Points where the outcome sought is likely.</summary>
    public int Cases => Data.TotalCases;

    public IReadOnlyList<PrimBox> Trajectory { get; private init; } = [];

    /// <summary>The box of <see cref="Trajectory"/> with the best balance of coverage and density (pasted, when asked).</summary>
    public int Chosen { get; private init; }

    public PrimBox ChosenBox { get; private init; } = null!;

    /// <summary>The chosen box with the limits that do not matter (quasi-p-value of <see cref="Significance"/> or more) removed.</summary>
    public PrimBox Described { get; private init; } = null!;

    public IReadOnlyList<PrimRestriction> Restrictions { get; private init; } = [];

    /// <summary>Whether PRIM had anything to find: the outcome sought is likely at some points and not at others.</summary>
    public bool Discoverable => Cases > 0 && Cases < Points.Count;

    /// <summary>The sensitivity of the probability of the outcome sought.</summary>
    public Sensitivity TargetSensitivity => Sensitivities.Single(s => s.Measure.Column == Target.Column);

    public static ExplorationAnalysis Of(IReadOnlyList<ExploredInput> inputs, IReadOnlyList<ExplorePoint> points, ExploreTarget target, BreachThresholds thresholds,
        bool paste = false)
    {
        if (points.Count == 0) throw new ArgumentException("an exploration needs at least one point", nameof(points));
        var values = points.Select(p => p.Values).ToList();
        var sensitivities = ExploreOutcomes.Measures(thresholds)
            .Select(m => new Sensitivity(m, PartialRankCorrelation.Of(values, points.Select(m.Value).ToList()))).ToList();
        var data = new PrimData(values, points.Select(target.IsCase).ToList());
        var trajectory = PatientRuleInduction.Peel(data, PeelAlpha, MinimumMass);
        var chosen = PatientRuleInduction.Choose(trajectory);
        var box = paste ? PatientRuleInduction.Paste(data, trajectory[chosen], PeelAlpha) : trajectory[chosen];
        var described = PatientRuleInduction.Prune(data, box, Significance);
        return new ExplorationAnalysis(inputs, points, target, sensitivities)
        {
            Data = data, Trajectory = trajectory, Chosen = chosen, ChosenBox = box, Described = described,
            Restrictions = PatientRuleInduction.Restrictions(data, described),
        };
    }
}
