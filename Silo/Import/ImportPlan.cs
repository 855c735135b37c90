using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Frontline.Silo.Import;

/// <summary>The parsed input of a run, in send order: units, customers (accounts, then journey customers), opportunities, touches.</summary>
public sealed record ImportPlan(ImmutableArray<ImportStep> Steps, ImmutableArray<BadRow> BadRows)
{
    /// <summary>Builds the plan from whichever inputs were given; kinds with neither items nor bad rows are left out.</summary>
    public static ImportPlan Create(CrmImport? crm, JourneyImport? journeys)
    {
        var badRows = (crm?.BadRows ?? []).AddRange(journeys?.BadRows ?? []);
        var steps = ImmutableArray.CreateBuilder<ImportStep>();
        void Add(ImportKind kind, IngestMutation mutation, IEnumerable<Sourced<JsonObject>> items)
        {
            var step = new ImportStep(kind, mutation, [.. items], badRows.Count(b => b.Kind == kind));
            if (step.Items.Length > 0 || step.BadRows > 0) steps.Add(step);
        }

        Add(ImportKind.Units, IngestMutations.RegisterUnits,
            (crm?.Units ?? []).Select(u => new Sourced<JsonObject>(IngestMutations.ToInput(u.Item), u.File, u.Line)));
        Add(ImportKind.Customers, IngestMutations.RegisterCustomers,
            (crm?.Customers ?? []).Concat(journeys?.Customers ?? [])
                .Select(c => new Sourced<JsonObject>(IngestMutations.ToInput(c.Item), c.File, c.Line)));
        Add(ImportKind.Opportunities, IngestMutations.ImportOpportunities,
            (crm?.Opportunities ?? []).Select(o => new Sourced<JsonObject>(IngestMutations.ToInput(o.Item), o.File, o.Line)));
        Add(ImportKind.Touches, IngestMutations.RecordTouches,
            (journeys?.Touches ?? []).Select(t => new Sourced<JsonObject>(IngestMutations.ToInput(t.Item), t.File, t.Line)));
        return new ImportPlan(steps.ToImmutable(), badRows);
    }
}
