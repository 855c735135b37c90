using Frontline.Abstractions.Attribution;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class HeatCellGraphType : ObjectGraphType<HeatCell>
{
    public HeatCellGraphType()
    {
        Name = "HeatCell";
        Description = "Credit earned by one action or channel in one UTC hour of the credited touches.";
        Field(c => c.Key).Description("Action or channel.");
        Field<NonNullGraphType<UtcDateTimeGraphType>>("hourStart").Description("Start of the hour.").Resolve(c => c.Source.HourStart);
        Field(c => c.Conversions).Description("Conversions credited to touches in this hour.");
        Field(c => c.Value).Description("Value credited to touches in this hour.");
    }
}

public sealed class PathStatsGraphType : ObjectGraphType<PathStats>
{
    public PathStatsGraphType()
    {
        Name = "PathStats";
        Description = "How a scope's journeys ended in a period.";
        Field(s => s.Scope).Description("The scope.");
        Field(s => s.Journeys).Description("Converting plus null journeys.");
        Field(s => s.Conversions).Description("Converting journeys.");
        Field(s => s.Nulls).Description("Journeys whose window passed without a conversion.");
        Field(s => s.AverageTouchesPerConversion).Description("Touches per conversion, on average.");
    }
}

public sealed class ContentCombinationGraphType : ObjectGraphType<ContentCombination>
{
    public ContentCombinationGraphType()
    {
        Name = "ContentCombination";
        Description = "A set of content actions converting journeys went through, with its support and value.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions").Description("The content actions, sorted.").Resolve(c => c.Source.Actions);
        Field(c => c.Support).Description("Converting journeys with exactly this set.");
        Field(c => c.TotalValue).Description("Their total conversion value.");
        Field(c => c.AverageValue).Description("Their average conversion value.");
    }
}

public sealed class RemovalEffectGraphType : ObjectGraphType<RemovalEffect>
{
    public RemovalEffectGraphType()
    {
        Name = "RemovalEffect";
        Description = "MARKOV's raw removal effect: 1 - P(conversion without the key) / P(conversion).";
        Field(e => e.Key).Description("Action or channel.");
        Field(e => e.Effect).Description("The removal effect, 0..1.");
    }
}
