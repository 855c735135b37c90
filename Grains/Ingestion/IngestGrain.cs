using System.Collections.Immutable;
using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Ingestion;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;
using Frontline.Grains.Customers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// The gateway for batches: validates each item, fans the good ones out to their grains in parallel, and reports
/// per item. Stateless, so every silo runs as many activations as the load needs.
/// </summary>
/// <remarks>
/// Reentrant because it keeps no mutable state and spends its time awaiting customer grains: without it each of the
/// (one per core) activations would hold a whole batch until its slowest customer had written, and concurrent
/// batches would queue behind it until Orleans' call timeout.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class IngestGrain(
    TouchValidator validator,
    TouchCoalescer coalescer,
    IBulkTouchStore store,
    TouchProjector projector,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IIngestGrain
{
    public async Task<IngestResult> RecordTouchesAsync(ImmutableArray<TouchEnvelope> touches)
    {
        var (tally, valid) = Validate(touches);

        // One call per customer, shared with other batches' touches for it (TouchCoalescer): the customer writes its
        // journey once for all of them.
        await Task.WhenAll(valid.GroupBy(v => v.Touch.CustomerId, StringComparer.Ordinal).Select(async group =>
        {
            var items = group.ToList();
            var outcomes = await coalescer.RecordAsync(group.Key, [.. items.Select(v => v.Touch)]);
            lock (tally)
            {
                for (var k = 0; k < items.Count; k++)
                {
                    tally.Count(outcomes[k]);
                }
            }
        }));
        return tally.ToResult();
    }

    public async Task<IngestResult> StoreTouchesAsync(ImmutableArray<TouchEnvelope> touches)
    {
        if (!store.IsAvailable)
        {
            return await RecordTouchesAsync(touches);
        }

        var (tally, valid) = Validate(touches);
        var rows = new List<(string CustomerId, JourneyTouch Touch)>(valid.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var (_, touch) in valid)
        {
            // The same event twice in one batch is one row; the second is a duplicate, as it would be a batch later.
            if (seen.Add((touch.CustomerId, touch.EventId)))
            {
                rows.Add((touch.CustomerId, Journey.EntryOf(touch)));
            }
            else
            {
                tally.Count(ItemOutcome.Duplicate);
            }
        }

        if (rows.Count == 0)
        {
            return tally.ToResult();
        }

        // Room first: once stored, a batch is acknowledged, so nothing may refuse it after.
        await projector.WaitForRoomAsync();
        long batchId;
        bool[] fresh;
        using (projector.Storing())
        {
            (batchId, fresh) = await store.StoreAsync(rows, [.. rows.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal)]);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            tally.Count(fresh[i] ? ItemOutcome.Accepted : ItemOutcome.Duplicate);
        }

        // Rows stored before go too: usually their customer has them and skips them, but one may be the retry of a
        // customer's own append whose answer was lost (the customer then let go of it), and only this brings it back.
        projector.Enqueue(batchId, rows);
        return tally.ToResult();
    }

    private (IngestTally Tally, List<(int Index, TouchEnvelope Touch)> Valid) Validate(ImmutableArray<TouchEnvelope> touches)
    {
        var tally = new IngestTally();
        var now = clock.GetUtcNow();
        var valid = new List<(int Index, TouchEnvelope Touch)>(touches.Length);
        for (var i = 0; i < touches.Length; i++)
        {
            if (validator.Validate(touches[i], now) is { } rejection)
            {
                tally.Reject(i, rejection);
            }
            else
            {
                valid.Add((i, touches[i]));
            }
        }

        return (tally, valid);
    }

    public Task<IngestResult> RegisterUnitsAsync(ImmutableArray<RegisterUnitCommand> units) =>
        ForEachAsync(units, unit => GrainFactory.GetUnitGrain(unit.Id).RegisterAsync(unit), unit => Required(unit.Id, "id"));

    public Task<IngestResult> RegisterCustomersAsync(ImmutableArray<RegisterCustomerCommand> customers) =>
        ForEachAsync(customers, customer => GrainFactory.GetCustomerGrain(customer.Id).RegisterAsync(customer), CustomerRules.Validate);

    public Task<IngestResult> ImportOpportunitiesAsync(ImmutableArray<ImportOpportunityCommand> opportunities) =>
        ForEachAsync(opportunities, o => GrainFactory.GetOpportunityGrain(o.Id).ImportAsync(o), o => Required(o.Id, "id"));

    /// <summary>Runs one grain command per item in parallel and folds the outcomes into a batch result.</summary>
    private static async Task<IngestResult> ForEachAsync<TItem, TView>(
        ImmutableArray<TItem> items, Func<TItem, Task<CommandResult<TView>>> apply, Func<TItem, Rejection?> precheck)
    {
        var results = await Task.WhenAll(items.Select(item => precheck(item) is { } early ? Task.FromResult(CommandResult<TView>.Fail(early)) : apply(item)));
        var tally = new IngestTally();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Error is { } error)
            {
                tally.Reject(i, error);
            }
            else
            {
                tally.Count(results[i].Duplicate ? ItemOutcome.Duplicate : ItemOutcome.Accepted);
            }
        }

        return tally.ToResult();
    }

    private static Rejection? Required(string? value, string field) => string.IsNullOrWhiteSpace(value) ? Rejection.Invalid(field, "is required") : null;
}
