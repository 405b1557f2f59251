using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

public sealed record DiversionReply(IReadOnlyList<Lot> Forwarded, IReadOnlyList<Detection> Detections, YearMonth? NextWake);
