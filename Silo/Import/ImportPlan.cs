using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Frontline.Silo.Import;

/// <summary>
/// The parsed input of a run, in send order: units, customers (accounts, then journey customers), opportunities,
/// touches, then the paths of a scope, if any.
/// </summary>
public sealed record ImportPlan(ImmutableArray<ImportStep> Steps, ImmutableArray<BadRow> BadRows, PathStep? Paths = null)
{
    /// <summary>Builds the plan from whichever inputs were given; kinds with neither items nor bad rows are left out.</summary>
    /// <param name="crm">The parsed CRM export, if any.</param>
    /// <param name="journeys">The parsed journey file, if any.</param>
    /// <param name="scope">The scope <paramref name="paths"/> go to; required with them.</param>
    /// <param name="paths">The parsed path file, if any.</param>
    /// <exception cref="ImportInputException">The path file has more than <see cref="PathMutation.MaxPaths"/> paths.</exception>
    public static ImportPlan Create(CrmImport? crm, JourneyImport? journeys, string? scope = null, PathImport? paths = null)
    {
        if (paths is not null && scope is null) throw new ArgumentNullException(nameof(scope), "paths need a scope");
        if (paths is not null && paths.Paths.Length > PathMutation.MaxPaths)
        {
            throw new ImportInputException(string.Create(CultureInfo.InvariantCulture,
                $"{paths.File}: {paths.Paths.Length:N0} paths, more than the {PathMutation.MaxPaths:N0} one import can hold; "
                + $"nothing was sent (importing part of them would replace scope '{scope}' with that part)"));
        }

        var badRows = (crm?.BadRows ?? []).AddRange(journeys?.BadRows ?? []).AddRange(paths?.BadRows ?? []);
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
        var pathStep = paths is null ? null : new PathStep(scope!, paths.Paths, paths.BadRows.Length);
        return new ImportPlan(steps.ToImmutable(), badRows, pathStep);
    }
}
