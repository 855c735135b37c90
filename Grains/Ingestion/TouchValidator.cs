using Frontline.Abstractions.Common;
using Frontline.Abstractions.Events;

namespace Frontline.Grains.Ingestion;

/// <summary>Pure validation of one touch envelope against the catalogue and the clock (DESIGN §3: bad events change nothing).</summary>
public sealed class TouchValidator(ActionCatalogueOptions catalogue)
{
    private readonly HashSet<string> _actions = new(catalogue.Actions, StringComparer.Ordinal);

    /// <summary>The first problem with <paramref name="touch"/>, or null when it may be recorded.</summary>
    public Rejection? Validate(TouchEnvelope touch, DateTimeOffset now)
    {
        if ((InputLimits.CheckId(touch.EventId, "eventId") ?? InputLimits.CheckId(touch.CustomerId, "customerId")) is { } badId)
        {
            return badId;
        }

        if (string.IsNullOrWhiteSpace(touch.Action))
        {
            return Rejection.Invalid("action", "is required");
        }

        if (!_actions.Contains(touch.Action))
        {
            return Rejection.Invalid("action", $"'{touch.Action}' is not in the action catalogue");
        }

        if (InputLimits.LabelProblem(touch.Channel) is { } channelProblem)
        {
            return Rejection.Invalid("channel", channelProblem);
        }

        if (touch.OccurredAt == default)
        {
            return Rejection.Invalid("occurredAt", "is required (a real date and time)");
        }

        if (InputLimits.CheckTime(touch.OccurredAt, "occurredAt") is { } tooEarly)
        {
            return tooEarly;
        }

        if (touch.OccurredAt > now + catalogue.MaxFutureSkew)
        {
            return Rejection.Invalid("occurredAt", $"{touch.OccurredAt:O} is more than {catalogue.MaxFutureSkew.TotalHours:0} hours in the future");
        }

        return InputLimits.CheckMoney(touch.Value, "value");
    }
}
