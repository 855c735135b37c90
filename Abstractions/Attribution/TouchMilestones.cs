namespace Frontline.Abstractions.Attribution;

/// <summary>Milestones a touch can be on a customer's path; W_SHAPED gives them extra weight.</summary>
[Flags]
public enum TouchMilestones
{
    /// <summary>An ordinary touch.</summary>
    None = 0,

    /// <summary>The touch that created the lead (the first of a configured lead action, e.g. FormSubmitted).</summary>
    LeadCreation = 1,

    /// <summary>The last touch at or before the opportunity behind the conversion was opened.</summary>
    OpportunityOpened = 2,
}
