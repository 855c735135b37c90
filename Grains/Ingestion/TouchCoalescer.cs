using System.Collections.Immutable;
using Frontline.Abstractions;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Ingestion;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// One per silo: joins the touches that concurrent batches carry for the same customer into one customer call. While
/// a customer's call is in flight, the touches other batches bring for it wait and go together in its next call; each
/// batch gets back the outcomes of its own touches once the call that carried them has made them durable, or that
/// call's failure. No timer: a customer with no call in flight is called at once, so a lone batch waits for nothing.
/// </summary>
/// <remarks>
/// A customer call costs about the same whether it carries one touch or twenty (a grain message each way, a journal
/// append, an attribution re-sync over the journey), and an integrator's feed spreads each batch over many customers:
/// in bench part 7 a 5,000-line request reaches 2,000 customers, 2.5 touches each.
/// </remarks>
public sealed class TouchCoalescer(IGrainFactory grains)
{
    /// <summary>Most touches one customer call carries; more wait for the call after it.</summary>
    public const int MaxTouchesPerCall = 5_000;

    private readonly Lock _gate = new();

    // Customers with a call in flight, each with the calls waiting behind it (usually none or one).
    private readonly Dictionary<string, List<PendingCall>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="touches"/> (all of one customer) and returns their outcomes, in order.</summary>
    public async Task<ImmutableArray<ItemOutcome>> RecordAsync(string customerId, IReadOnlyList<TouchEnvelope> touches)
    {
        PendingCall call;
        int offset;
        var sendNow = false;
        lock (_gate)
        {
            if (!_inFlight.TryGetValue(customerId, out var waiting))
            {
                _inFlight[customerId] = [];
                call = new PendingCall();
                sendNow = true;
            }
            else if (waiting.Count > 0 && waiting[^1].Touches.Count + touches.Count <= MaxTouchesPerCall)
            {
                call = waiting[^1];
            }
            else
            {
                call = new PendingCall();
                waiting.Add(call);
            }

            offset = call.Touches.Count;
            call.Touches.AddRange(touches);
        }

        if (sendNow)
        {
            // Off the caller's scheduler: the loop outlives this batch while later batches keep the customer busy.
            _ = Task.Run(() => SendWhileWaitingAsync(customerId, call));
        }

        var outcomes = await call.Outcomes.Task;
        return outcomes.Length == touches.Count ? outcomes : ImmutableArray.Create(outcomes.AsSpan(offset, touches.Count));
    }

    /// <summary>Sends <paramref name="call"/>, then each call that queued behind it, until none waits.</summary>
    private async Task SendWhileWaitingAsync(string customerId, PendingCall call)
    {
        while (true)
        {
            try
            {
                call.Outcomes.SetResult(await grains.GetCustomerGrain(customerId).RecordTouchesAsync([.. call.Touches]));
            }
            catch (Exception exception)
            {
                // Only the batches in this call hear of it; they answer "retry", and what waits behind is sent as usual.
                call.Outcomes.SetException(exception);
            }

            lock (_gate)
            {
                var waiting = _inFlight[customerId];
                if (waiting.Count == 0)
                {
                    _inFlight.Remove(customerId);
                    return;
                }

                call = waiting[0];
                waiting.RemoveAt(0);
            }
        }
    }

    private sealed class PendingCall
    {
        public List<TouchEnvelope> Touches { get; } = [];

        public TaskCompletionSource<ImmutableArray<ItemOutcome>> Outcomes { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
