using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Frontline.Abstractions;
using Frontline.Abstractions.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// One per silo: hands the touches the bulk endpoint stored (<see cref="IBulkTouchStore"/>) to their customers, one call
/// per customer carrying every touch waiting for it, a few calls at a time, retrying a failed call until it succeeds.
/// A batch is forgotten by the store once all its touches are applied; if this silo dies first, the batch goes stale
/// and another silo has its customers read their journals (the sweeper of the silo host).
/// </summary>
public sealed partial class TouchProjector
{
    /// <summary>The meter of the backlog gauge (<c>frontline.ingest.backlog</c>).</summary>
    public const string MeterName = "Frontline.Ingest";

    private readonly IGrainFactory grains;
    private readonly IBulkTouchStore store;
    private readonly IOptions<BulkIngestOptions> options;
    private readonly ILogger<TouchProjector> logger;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Calls a customer gets for the same touches before the projector leaves them to the stale-batch sweep.</summary>
    public const int MaxAttempts = 10;

    private readonly Lock _gate = new();

    // Touches waiting per customer, with the batches they came in; customers in the order they became ready.
    private readonly Dictionary<string, Waiting> _waiting = new(StringComparer.Ordinal);
    private readonly Queue<string> _ready = new();
    private readonly HashSet<string> _inCall = new(StringComparer.Ordinal);

    // Per batch, how many of its customers still wait; batches all applied, to forget; batches one of whose customers
    // was given up (left to the sweep, so never forgotten here), until their last customer is done.
    private readonly Dictionary<long, int> _unapplied = [];
    private readonly List<long> _applied = [];
    private readonly HashSet<long> _abandoned = [];
    private bool _forgetting;

    private int _workers;
    private int _storing;
    private long _backlog;
    private TaskCompletionSource _room = NewSignal();

    public TouchProjector(IGrainFactory grains, IBulkTouchStore store, IOptions<BulkIngestOptions> options, ILogger<TouchProjector> logger, IServiceProvider services)
    {
        (this.grains, this.store, this.options, this.logger) = (grains, store, options, logger);

        // Operators (and bench part 7) see how far customers trail what was acknowledged.
        services.GetService<IMeterFactory>()?.Create(MeterName)
            .CreateObservableGauge("frontline.ingest.backlog", () => Backlog, "{touch}", "Stored bulk touches their customers have not applied yet");
    }

    /// <summary>Touches stored but not yet applied by their customers.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>
    /// Waits while the backlog is full; throws <see cref="TimeoutException"/> (retry later) when it stays full. A soft
    /// limit: the batches waiting when room appears all go ahead, so the backlog can pass it by a few batches.
    /// </summary>
    public async Task WaitForRoomAsync()
    {
        var deadline = DateTime.UtcNow + options.Value.RoomWait;
        while (true)
        {
            Task room;
            lock (_gate)
            {
                if (_backlog < options.Value.MaxBacklog)
                {
                    return;
                }

                room = _room.Task;
            }

            var left = deadline - DateTime.UtcNow;
            using var timeout = new CancellationTokenSource();
            if (left <= TimeSpan.Zero || await Task.WhenAny(room, Task.Delay(left, timeout.Token)) != room)
            {
                throw new TimeoutException($"{Backlog} stored touches are still waiting for their customers");
            }

            timeout.Cancel();
        }
    }

    /// <summary>
    /// Waits until every stored touch has been applied (or given up to the sweep) and the store told of every batch
    /// applied, or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (!IsIdle && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    /// <summary>Nothing waits for a customer and no applied batch waits to be forgotten.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _backlog == 0 && _applied.Count == 0 && !_forgetting;
            }
        }
    }

    /// <summary>Notes that a batch is being stored until the result is disposed: meanwhile fewer customer calls go at once.</summary>
    public IDisposable Storing()
    {
        Interlocked.Increment(ref _storing);
        return new StoreScope(this);
    }

    /// <summary>Hands over the touches of a stored batch (a customer skips those it has: rows that were stored before).</summary>
    public void Enqueue(long batchId, IReadOnlyList<(string CustomerId, JourneyTouch Touch)> touches)
    {
        lock (_gate)
        {
            var customers = 0;
            foreach (var (customer, touch) in touches)
            {
                if (!_waiting.TryGetValue(customer, out var waiting))
                {
                    _waiting[customer] = waiting = new Waiting();
                    if (!_inCall.Contains(customer))
                    {
                        _ready.Enqueue(customer);
                    }
                }

                if (waiting.Batches.Count == 0 || waiting.Batches[^1] != batchId)
                {
                    waiting.Batches.Add(batchId);
                    customers++;
                }

                waiting.Touches.Add(touch);
            }

            _backlog += touches.Count;
            if (customers == 0)
            {
                _applied.Add(batchId);
            }
            else
            {
                _unapplied[batchId] = customers;
            }

        }

        StartWorkers();
        if (touches.Count == 0)
        {
            ForgetAppliedInBackground();
        }
    }

    /// <summary>Starts customer calls up to the limit of the moment (<see cref="CallLimit"/>).</summary>
    private void StartWorkers()
    {
        var start = 0;
        lock (_gate)
        {
            // Workers in a call (or retrying one) take nothing from the queue: only the others count against it.
            while (_workers < CallLimit && _ready.Count > _workers - _inCall.Count)
            {
                _workers++;
                start++;
            }
        }

        for (var i = 0; i < start; i++)
        {
            _ = Task.Run(ApplyWhileReadyAsync);
        }
    }

    /// <summary>
    /// Few calls only while a burst is being stored: with a short backlog (a live feed's small batches) the customers
    /// keep up at the idle limit, and holding them to a few calls would only queue conversions behind each other.
    /// </summary>
    private int CallLimit => Volatile.Read(ref _storing) > 0 && Interlocked.Read(ref _backlog) > BurstBacklog ? options.Value.ProjectorCalls : options.Value.IdleProjectorCalls;

    /// <summary>Backlog (touches) above which a store in progress holds customer calls to <see cref="BulkIngestOptions.ProjectorCalls"/>.</summary>
    public const int BurstBacklog = 10_000;

    private async Task ApplyWhileReadyAsync()
    {
        while (true)
        {
            string customer;
            Waiting waiting;
            lock (_gate)
            {
                // Over the limit of the moment (a store began): this call ends here, the others go on.
                if (_workers > CallLimit || !_ready.TryDequeue(out customer!))
                {
                    _workers--;
                    return;
                }

                waiting = _waiting[customer];
                _waiting.Remove(customer);
                _inCall.Add(customer);
            }

            var applied = false;
            for (var attempt = 1; !applied && attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    await grains.GetCustomerGrain(customer).ApplyStoredTouchesAsync([.. waiting.Touches]);
                    applied = true;
                }
                catch (Exception exception)
                {
                    // The customer (or its storage) is unavailable: try again a few times, then leave it to the sweep.
                    LogApplyFailed(logger, exception, customer, waiting.Touches.Count, attempt);
                    if (attempt < MaxAttempts)
                    {
                        await Task.Delay(RetryDelay);
                    }
                }
            }

            lock (_gate)
            {
                _backlog -= waiting.Touches.Count;
                if (_backlog < options.Value.MaxBacklog)
                {
                    _room.TrySetResult();
                    _room = NewSignal();
                }

                foreach (var batch in waiting.Batches)
                {
                    if (!applied)
                    {
                        // Never forgotten by this silo: the batch row stays, goes stale, and the sweep has this customer
                        // read its journal. Held here, one failing customer would hold a call and the backlog for good.
                        _abandoned.Add(batch);
                    }

                    if (--_unapplied[batch] == 0)
                    {
                        _unapplied.Remove(batch);
                        if (!_abandoned.Remove(batch))
                        {
                            _applied.Add(batch);
                        }
                    }
                }

                _inCall.Remove(customer);
                if (_waiting.ContainsKey(customer))
                {
                    _ready.Enqueue(customer);
                }
            }

            ForgetAppliedInBackground();
        }
    }

    /// <summary>Tells the store which batches are applied, all at once, one write at a time.</summary>
    private void ForgetAppliedInBackground()
    {
        lock (_gate)
        {
            if (_forgetting || _applied.Count == 0)
            {
                return;
            }

            _forgetting = true;
        }

        _ = Task.Run(async () =>
        {
            while (true)
            {
                long[] batches;
                lock (_gate)
                {
                    if (_applied.Count == 0)
                    {
                        _forgetting = false;
                        return;
                    }

                    batches = [.. _applied];
                    _applied.Clear();
                }

                try
                {
                    await store.ForgetBatchesAsync(batches);
                }
                catch (Exception exception)
                {
                    // Tried again with the next batch applied; if none comes, they go stale and the sweep forgets them
                    // (its customers re-read what they already have).
                    LogForgetFailed(logger, exception, batches.Length);
                    lock (_gate)
                    {
                        _applied.AddRange(batches);
                        _forgetting = false;
                    }

                    return;
                }
            }
        });
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class StoreScope(TouchProjector projector) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && Interlocked.Decrement(ref projector._storing) == 0)
            {
                projector.StartWorkers();
            }
        }
    }

    private sealed class Waiting
    {
        public List<JourneyTouch> Touches { get; } = [];

        public List<long> Batches { get; } = [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer {CustomerId} did not take {Count} stored touches (attempt {Attempt}); retried, then left to the stale-batch sweep")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string customerId, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} applied ingest batches not forgotten; retried after the next, or swept once stale")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception, int count);
}
