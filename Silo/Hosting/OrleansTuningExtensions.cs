using Frontline.Grains.Opportunities;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Frontline.Silo.Hosting;

/// <summary>
/// Orleans' failure-detection and reminder settings, from configuration: <c>Frontline:Membership</c> binds
/// <see cref="ClusterMembershipOptions"/> (how fast a dead silo is declared dead) and <c>Frontline:Reminders</c>
/// binds <see cref="ReminderOptions"/> (the shortest reminder period allowed). Orleans' defaults apply to keys not set.
/// Not under <c>Orleans:</c>: Orleans reads <c>Orleans:Reminders</c> itself, as the name of a reminder provider.
/// </summary>
public static class OrleansTuningExtensions
{
    /// <summary>Section bound to <see cref="ClusterMembershipOptions"/>.</summary>
    public const string MembershipSection = "Frontline:Membership";

    /// <summary>Section bound to <see cref="ReminderOptions"/>.</summary>
    public const string RemindersSection = "Frontline:Reminders";

    /// <summary>Binds the membership and reminder sections and checks the follow-up period against the reminder minimum.</summary>
    public static ISiloBuilder UseFrontlineTuning(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);

        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        silo.Services.Configure<ReminderOptions>(configuration.GetSection(RemindersSection));
        silo.Services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpPeriodValidation>();
        return silo;
    }
}
