
namespace SupplyChainSim.Grains.Abstractions;

// Messages are the model's own immutable records, passed as Immutable<T>: within a silo Orleans hands them over
// without copying, and between silos they travel through the System.Text.Json codec registered for model types.
