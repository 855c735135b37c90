using System.Collections.Immutable;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Ingestion;

namespace Frontline.Abstractions.Customers;

/// <summary>A customer: profile, time-ordered journey of touches, conversions and health. Keyed by the source system's customer id.</summary>
[Alias("Frontline.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Registers the customer or updates its profile.</summary>
    Task<CommandResult<CustomerView>> RegisterAsync(RegisterCustomerCommand command);

    /// <summary>Records already-validated touches of this customer; returns one outcome per touch, in order.</summary>
    Task<ImmutableArray<ItemOutcome>> RecordTouchesAsync(ImmutableArray<TouchEnvelope> touches);

    /// <summary>
    /// Adds touches the bulk endpoint already stored in the journal (so nothing is written for them here); ones the
    /// journey holds are skipped.
    /// </summary>
    Task ApplyStoredTouchesAsync(ImmutableArray<JourneyTouch> touches);

    /// <summary>Reads the journal for touches stored for this customer that it has not applied (a batch gone stale).</summary>
    Task CatchUpAsync();

    /// <summary>Records a won opportunity as a conversion of this customer (idempotent by opportunity id).</summary>
    Task RecordOpportunityWonAsync(OpportunityConversion conversion);

    /// <summary>Notes that an escalation on one of the customer's opportunities opened or closed.</summary>
    Task SetEscalationOpenAsync(string escalationId, bool open);

    /// <summary>Reads the customer; null <see cref="CustomerView"/> fields mean unknown.</summary>
    Task<CustomerView?> GetAsync();

    /// <summary>Reads the journey in time order.</summary>
    Task<ImmutableArray<JourneyTouch>> GetJourneyAsync();

    /// <summary>Reads up to <paramref name="first"/> entries after the position <paramref name="after"/> (a <see cref="JourneyCursor"/>).</summary>
    Task<JourneyPage> GetJourneyPageAsync(int first, string? after);
}
