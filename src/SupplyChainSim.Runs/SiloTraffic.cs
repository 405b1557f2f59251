using System.Diagnostics.Metrics;
using System.Globalization;

namespace SupplyChainSim.Runs;

/// <summary>
/// What a worker silo sent and received, from Orleans' own message-size instruments (one measurement per message): the
/// `silo` command prints it when it stops, so that the messages and bytes a run costs each silo are measured, not guessed.
/// </summary>
public sealed class SiloTraffic : IDisposable
{
    private const string Sent = "orleans-messaging-sent-messages-size";
    private const string Received = "orleans-messaging-received-messages-size";

    private readonly MeterListener listener = new();
    private long sentMessages, sentBytes, receivedMessages, receivedBytes;

    public SiloTraffic()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && instrument.Name is Sent or Received) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument, value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument, (long)value));
        listener.Start();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sent {Interlocked.Read(ref sentMessages):N0} messages ({Interlocked.Read(ref sentBytes):N0} bytes), received {Interlocked.Read(ref receivedMessages):N0} ({Interlocked.Read(ref receivedBytes):N0} bytes)");

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, long bytes)
    {
        if (instrument.Name == Sent)
        {
            Interlocked.Increment(ref sentMessages);
            Interlocked.Add(ref sentBytes, bytes);
        }
        else
        {
            Interlocked.Increment(ref receivedMessages);
            Interlocked.Add(ref receivedBytes, bytes);
        }
    }
}
