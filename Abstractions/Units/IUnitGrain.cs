using Frontline.Abstractions.Common;
using Frontline.Abstractions.Opportunities;

namespace Frontline.Abstractions.Units;

/// <summary>A combat unit: members, counts over its opportunities, and the escalations raised to it. Keyed by unit id.</summary>
[Alias("Frontline.IUnitGrain")]
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Registers the unit or replaces its profile and members.</summary>
    Task<CommandResult<UnitView>> RegisterAsync(RegisterUnitCommand command);

    /// <summary>Whether the unit has been registered.</summary>
    Task<bool> ExistsAsync();

    /// <summary>Records the current stage (and won value) of one of its opportunities; idempotent.</summary>
    Task TrackOpportunityAsync(OpportunityTally tally);

    /// <summary>Receives an escalation (idempotent by id) and publishes it to subscribers.</summary>
    Task RaiseEscalationAsync(Escalation escalation);

    /// <summary>Marks an escalation resolved.</summary>
    Task ResolveEscalationAsync(string escalationId, DateTimeOffset at);

    /// <summary>Reads the unit, or null when it was never registered.</summary>
    Task<UnitView?> GetAsync();
}
