namespace Frontline.Grains.Opportunities;

/// <summary>Follow-up and escalation settings (section <c>Frontline:FollowUp</c>), DESIGN §5.</summary>
public sealed class FollowUpOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Frontline:FollowUp";

    /// <summary>A period with no follow-up is recorded as "follow-up overdue" (a stalled follow-up).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Consecutive stalled follow-ups that raise an escalation.</summary>
    public int StallThreshold { get; set; } = 3;
}
