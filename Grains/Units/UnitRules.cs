using Frontline.Abstractions.Common;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Grains.Units;

/// <summary>Pure unit rules: what a valid registration is, and the counts derived from the opportunity tallies.</summary>
public static class UnitRules
{
    public static Rejection? Validate(RegisterUnitCommand command)
    {
        if (InputLimits.CheckId(command.Id, "id") is { } badId)
        {
            return badId;
        }

        if (command.Id.Contains('@', StringComparison.Ordinal))
        {
            return Rejection.Invalid("id", "must not contain '@'");
        }

        if (string.IsNullOrWhiteSpace(command.Name))
        {
            return Rejection.Invalid("name", "is required");
        }

        for (var i = 0; i < command.Members.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(command.Members[i].Name))
            {
                return Rejection.Invalid($"members[{i}].name", "is required");
            }

            if (string.IsNullOrWhiteSpace(command.Members[i].Role))
            {
                return Rejection.Invalid($"members[{i}].role", "is required");
            }
        }

        return null;
    }

    public static UnitView View(string id, UnitState state)
    {
        var tallies = state.Opportunities.Values;
        return new UnitView
        {
            Id = id,
            Name = state.Name,
            Region = state.Region,
            Members = state.Members,
            OpportunityCount = state.Opportunities.Count,
            WonCount = tallies.Count(t => t.Stage == OpportunityStage.Won),
            LostCount = tallies.Count(t => t.Stage == OpportunityStage.Lost),
            OpenCount = tallies.Count(t => t.Stage is OpportunityStage.Prospecting or OpportunityStage.Engaging),
            WonValue = tallies.Sum(t => t.WonValue),
            Escalations = state.Escalations,
        };
    }
}
