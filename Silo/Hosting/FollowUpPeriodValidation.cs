using Frontline.Grains.Opportunities;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>
/// Refuses a follow-up period shorter than the reminder service accepts, on start and with both keys named, rather
/// than failing the first opportunity that registers its reminder.
/// </summary>
public sealed class FollowUpPeriodValidation(IOptions<ReminderOptions> reminders) : IValidateOptions<FollowUpOptions>
{
    /// <summary>Fails when <see cref="FollowUpOptions.Period"/> is below <see cref="ReminderOptions.MinimumReminderPeriod"/>.</summary>
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var minimum = reminders.Value.MinimumReminderPeriod;
        return options.Period >= minimum
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{FollowUpOptions.Section}:{nameof(FollowUpOptions.Period)} ({options.Period}) is shorter than {OrleansTuningExtensions.RemindersSection}:{nameof(ReminderOptions.MinimumReminderPeriod)} ({minimum}); lower the minimum (e.g. --{OrleansTuningExtensions.RemindersSection}:{nameof(ReminderOptions.MinimumReminderPeriod)} 00:00:05) or lengthen the period.");
    }
}
