namespace Frontline.Abstractions.Events;

/// <summary>
/// The standard micro-actions of a customer's path (DESIGN §3). The live catalogue is configuration
/// (<c>Frontline:Actions</c>); these names are its default and must never be renamed.
/// </summary>
public static class StandardActions
{
    /// <summary>The action that is a conversion rather than a touch.</summary>
    public const string ContractSigned = "ContractSigned";

    /// <summary>A content view; journey-file impressions map to it.</summary>
    public const string ContentViewed = "ContentViewed";

    /// <summary>All 17 standard actions, in path order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "FormSubmitted", "ScrmMessage", "ExpoScan", "IvrCall", ContentViewed, "WhitepaperDownloaded",
        "LivestreamAttended", "EmailEngaged", "DemoDelivered", "TrialRequested", "TrialActivated", "PocStarted",
        "PocFeedback", "ProposalSent", "NegotiationMeeting", "CsmFollowUp", ContractSigned,
    ];
}
