using Frontline.Abstractions.Common;

namespace Frontline.Abstractions.Opportunities;

/// <summary>An opportunity: stage history, follow-up log, stall streak, escalations and its follow-up reminder. Keyed by opportunity id.</summary>
[Alias("Frontline.IOpportunityGrain")]
public interface IOpportunityGrain : IGrainWithStringKey
{
    /// <summary>Opens the opportunity; repeating the same open is a duplicate.</summary>
    Task<CommandResult<OpportunityView>> OpenAsync(OpenOpportunityCommand command);

    /// <summary>Imports the opportunity with its history; an identical record again is a duplicate.</summary>
    Task<CommandResult<OpportunityView>> ImportAsync(ImportOpportunityCommand command);

    /// <summary>Logs a follow-up; the third in a row without progress raises an escalation.</summary>
    Task<CommandResult<OpportunityView>> LogFollowUpAsync(LogFollowUpCommand command);

    /// <summary>Closes the opportunity as won or lost.</summary>
    Task<CommandResult<OpportunityView>> CloseAsync(CloseOpportunityCommand command);

    /// <summary>Reads the opportunity, or null when it was never opened.</summary>
    Task<OpportunityView?> GetAsync();
}
