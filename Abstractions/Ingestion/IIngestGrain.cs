using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Abstractions.Ingestion;

/// <summary>
/// The one gateway for batches from integrators: validates every item, routes the good ones to their grains
/// and reports per item. A stateless worker, keyed by 0.
/// </summary>
[Alias("Frontline.IIngestGrain")]
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Validates and records a batch of touch events; acknowledges only what the customer grains stored.</summary>
    Task<IngestResult> RecordTouchesAsync(ImmutableArray<TouchEnvelope> touches);

    /// <summary>
    /// Validates a batch of touch events and stores the good ones in one commit, where the silo has a bulk touch store
    /// (the cluster profile); the customers apply them right after, from the silo's projector. Elsewhere the same as
    /// <see cref="RecordTouchesAsync"/>. Acknowledges only what is durable either way.
    /// </summary>
    Task<IngestResult> StoreTouchesAsync(ImmutableArray<TouchEnvelope> touches);

    /// <summary>Registers or updates a batch of units with their members.</summary>
    Task<IngestResult> RegisterUnitsAsync(ImmutableArray<RegisterUnitCommand> units);

    /// <summary>Registers or updates a batch of customers.</summary>
    Task<IngestResult> RegisterCustomersAsync(ImmutableArray<RegisterCustomerCommand> customers);

    /// <summary>Imports a batch of opportunities with their history; replays of identical records are duplicates.</summary>
    Task<IngestResult> ImportOpportunitiesAsync(ImmutableArray<ImportOpportunityCommand> opportunities);
}
