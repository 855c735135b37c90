using System.Collections.Immutable;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Opportunities;

namespace Frontline.Grains.Opportunities;

/// <summary>
/// The opportunity's rules, pure: (state, command, now) to a decision. Stall detection (DESIGN §5): a follow-up
/// made progress or it did not; the N-th consecutive one without progress raises one escalation (once per streak),
/// progress resets the streak and resolves open escalations; every whole follow-up period without a follow-up is
/// an overdue, stalled follow-up.
/// </summary>
public sealed class OpportunityRules(FollowUpOptions options)
{
    public const string OverdueNote = "follow-up overdue";

    /// <summary>How far in the future a command's <c>at</c> may lie.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    public Decision<OpportunityState> Open(OpportunityState state, OpenOpportunityCommand command, DateTimeOffset now)
    {
        var at = command.At ?? now;
        var error = Required(command.Id, "id") ?? Required(command.UnitId, "unitId") ?? NotNegative(command.Amount, "amount")
            ?? TimeInRange(at, now, "at")
            ?? (command.Stage is OpportunityStage.Won or OpportunityStage.Lost
                ? Rejection.Invalid("stage", "an opportunity opens as PROSPECTING or ENGAGING; use closeOpportunity to close it")
                : null);
        if (error is not null)
        {
            return Decision<OpportunityState>.Reject(error);
        }

        if (state.Opened)
        {
            return state.OpenedWith == command with { At = command.At ?? state.OpenedWith?.At }
                ? Decision<OpportunityState>.Repeat()
                : Decision<OpportunityState>.Reject(Rejection.InvalidState("id", $"opportunity '{command.Id}' is already open"));
        }

        return Decision<OpportunityState>.Apply(Changed(Profiled(state, command.Id, command.UnitId, command.CustomerId, command.Owner, command.Product, command.Amount) with
        {
            Stage = command.Stage,
            OpenedAt = at,
            StageHistory = [new StageChange { Stage = command.Stage, At = at }],
            TrackingSince = now,
            OpenedWith = command with { At = at },
        }));
    }

    public Decision<OpportunityState> Import(OpportunityState state, ImportOpportunityCommand command, DateTimeOffset now)
    {
        var closed = command.Stage is OpportunityStage.Won or OpportunityStage.Lost;
        var error = Required(command.Id, "id") ?? Required(command.UnitId, "unitId") ?? NotNegative(command.Amount, "amount")
            ?? NotNegative(command.CloseValue, "closeValue")
            ?? (command.EngagedAt is { } engaged ? TimeInRange(engaged, now, "engagedAt") : null)
            ?? (closed && command.ClosedAt is null ? Rejection.Invalid("closedAt", $"is required for a {Name(command.Stage)} opportunity") : null)
            ?? (closed && command.ClosedAt is { } c ? TimeInRange(c, now, "closedAt") : null)
            ?? (command.Stage == OpportunityStage.Won && command.CloseValue is null ? Rejection.Invalid("closeValue", "is required for a won opportunity") : null)
            ?? (command.Stage == OpportunityStage.Won && string.IsNullOrWhiteSpace(command.CustomerId) ? Rejection.Invalid("customerId", "a won opportunity needs a customer") : null)
            ?? (command.ClosedAt < command.EngagedAt ? Rejection.Invalid("closedAt", "is before engagedAt") : null);
        if (error is not null)
        {
            return Decision<OpportunityState>.Reject(error);
        }

        if (state.ImportedFrom == command)
        {
            return Decision<OpportunityState>.Repeat();
        }

        if (state.IsClosed)
        {
            return Decision<OpportunityState>.Reject(Rejection.InvalidState("stage", $"opportunity '{command.Id}' is already {Name(state.Stage)}"));
        }

        // The source's own dates become the stage history; nothing here is counted as stalled.
        var history = ImmutableArray.CreateBuilder<StageChange>();
        history.Add(new StageChange { Stage = command.Stage == OpportunityStage.Prospecting ? OpportunityStage.Prospecting : OpportunityStage.Engaging, At = command.EngagedAt });
        if (closed)
        {
            history.Add(new StageChange { Stage = command.Stage, At = command.ClosedAt });
        }

        var next = Profiled(state, command.Id, command.UnitId, command.CustomerId, command.Owner, command.Product, command.Amount) with
        {
            Stage = command.Stage,
            OpenedAt = command.EngagedAt,
            ClosedAt = closed ? command.ClosedAt : null,
            CloseValue = closed ? command.CloseValue : null,
            StageHistory = state.Opened ? state.StageHistory.AddRange(history.Skip(StagesAlreadyKnown(state, history))) : history.ToImmutable(),
            TrackingSince = state.Opened ? state.TrackingSince : now,
            ImportedFrom = command,
        };
        return Decision<OpportunityState>.Apply(Changed(closed ? ResolveEscalations(next, command.ClosedAt!.Value) : next));
    }

    public Decision<OpportunityState> LogFollowUp(OpportunityState state, LogFollowUpCommand command, DateTimeOffset now)
    {
        var at = command.At ?? now;
        var error = ExistsAndOpen(state, command.OpportunityId, "opportunityId") ?? TimeInRange(at, now, "at")
            ?? (at < state.OpenedAt ? Rejection.Invalid("at", $"{at:O} is before the opportunity was opened ({state.OpenedAt:O})") : null);
        if (error is not null)
        {
            return Decision<OpportunityState>.Reject(error);
        }

        var next = state;
        var advanced = false;
        if (command.Stage is { } stage && stage != state.Stage)
        {
            if (stage is OpportunityStage.Won or OpportunityStage.Lost)
            {
                return Decision<OpportunityState>.Reject(Rejection.Invalid("stage", "use closeOpportunity to close an opportunity"));
            }

            if (stage < state.Stage)
            {
                return Decision<OpportunityState>.Reject(Rejection.Invalid("stage", $"cannot move back from {Name(state.Stage)} to {Name(stage)}"));
            }

            next = next with { Stage = stage, StageHistory = next.StageHistory.Add(new StageChange { Stage = stage, At = at }) };
            advanced = true;
        }

        var progressed = command.Progressed || advanced;
        next = next with { FollowUps = next.FollowUps.Add(new FollowUp { At = at, Progressed = progressed, Note = command.Note }) };
        next = progressed ? ResolveEscalations(next with { StalledStreak = 0 }, at) : Stalled(next, at, "follow-ups in a row without progress");
        return Decision<OpportunityState>.Apply(Changed(next));
    }

    public Decision<OpportunityState> Close(OpportunityState state, CloseOpportunityCommand command, DateTimeOffset now)
    {
        var at = command.At ?? now;
        var customer = Blank(command.CustomerId) ?? state.CustomerId;
        var error = ExistsAndOpen(state, command.OpportunityId, "opportunityId") ?? TimeInRange(at, now, "at")
            ?? (at < state.OpenedAt ? Rejection.Invalid("at", $"{at:O} is before the opportunity was opened ({state.OpenedAt:O})") : null)
            ?? NotNegative(command.Value, "value")
            ?? (command.Won && command.Value is null ? Rejection.Invalid("value", "is required to close an opportunity as won") : null)
            ?? (command.Won && customer is null ? Rejection.Invalid("customerId", "a won opportunity needs a customer") : null);
        if (error is not null)
        {
            return Decision<OpportunityState>.Reject(error);
        }

        var stage = command.Won ? OpportunityStage.Won : OpportunityStage.Lost;
        var next = state with
        {
            Stage = stage,
            CustomerId = customer,
            ClosedAt = at,
            CloseValue = command.Value ?? 0,
            StageHistory = state.StageHistory.Add(new StageChange { Stage = stage, At = at }),
        };
        return Decision<OpportunityState>.Apply(Changed(ResolveEscalations(next, at)));
    }

    /// <summary>
    /// Called by the follow-up reminder. Counts every whole period since the last follow-up (or since tracking
    /// started) as an overdue follow-up. Ticks can be missed or doubled; counting periods from state makes both harmless.
    /// </summary>
    public Decision<OpportunityState> RecordOverdue(OpportunityState state, DateTimeOffset now)
    {
        if (!state.Opened || state.IsClosed)
        {
            return Decision<OpportunityState>.Repeat();
        }

        var since = state.FollowUps.Select(f => f.At).Where(a => a > state.TrackingSince).DefaultIfEmpty(state.TrackingSince).Max();
        var next = state;
        for (var due = since + options.Period; due <= now; due += options.Period)
        {
            next = Stalled(next with { FollowUps = next.FollowUps.Add(new FollowUp { At = due, Progressed = false, Note = OverdueNote, Overdue = true }) }, due, "stalled follow-ups in a row (overdue periods count)");
        }

        return ReferenceEquals(next, state) ? Decision<OpportunityState>.Repeat() : Decision<OpportunityState>.Apply(Changed(next));
    }

    private OpportunityState Stalled(OpportunityState state, DateTimeOffset at, string why)
    {
        var streak = state.StalledStreak + 1;
        var next = state with { StalledStreak = streak };
        if (streak != options.StallThreshold)
        {
            // Once per streak: only the follow-up that reaches the threshold escalates.
            return next;
        }

        var escalation = new Escalation
        {
            Id = $"{state.Id}#{state.Escalations.Length + 1}",
            OpportunityId = state.Id,
            UnitId = state.UnitId,
            CustomerId = state.CustomerId,
            Reason = $"{streak} {why}",
            RaisedAt = at,
            StalledStreak = streak,
        };
        return next with { Escalations = next.Escalations.Add(escalation) };
    }

    /// <summary>The state marked opened, with the descriptive fields an open or an import sets.</summary>
    private static OpportunityState Profiled(OpportunityState state, string id, string unitId, string? customerId, string? owner, string? product, decimal? amount) =>
        state with { Opened = true, Id = id, UnitId = unitId, CustomerId = Blank(customerId), Owner = owner, Product = product, Amount = amount };

    private static OpportunityState ResolveEscalations(OpportunityState state, DateTimeOffset at) =>
        state with { Escalations = [.. state.Escalations.Select(e => e.ResolvedAt is null ? e with { ResolvedAt = at } : e)] };

    private static OpportunityState Changed(OpportunityState state) => state with { Version = state.Version + 1 };

    private static int StagesAlreadyKnown(OpportunityState state, IEnumerable<StageChange> history) =>
        history.TakeWhile(h => state.StageHistory.Any(k => k.Stage == h.Stage)).Count();

    private static Rejection? ExistsAndOpen(OpportunityState state, string id, string field) =>
        !state.Opened ? Rejection.NotFound(field, $"opportunity '{id}' does not exist")
        : state.IsClosed ? Rejection.InvalidState(field, $"opportunity '{id}' is already closed as {Name(state.Stage)}")
        : null;

    private static Rejection? Required(string? value, string field) => InputLimits.CheckId(value, field);

    private static Rejection? NotNegative(decimal? value, string field) => InputLimits.CheckMoney(value, field);

    private static Rejection? TimeInRange(DateTimeOffset at, DateTimeOffset now, string field) =>
        InputLimits.CheckTime(at, field)
        ?? (at > now + MaxFutureSkew ? Rejection.Invalid(field, $"{at:O} is more than a day in the future") : null);

    /// <summary>A stage as clients spell it (the GraphQL enum value).</summary>
    private static string Name(OpportunityStage stage) => stage.ToString().ToUpperInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
