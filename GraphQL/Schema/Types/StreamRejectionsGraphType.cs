using Frontline.Abstractions.Ingestion;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

/// <summary>The refusals of an ingestion stream, for operators: publishers get no per-item answer to read them from.</summary>
public sealed class StreamRejectionsGraphType : ObjectGraphType<StreamRejections>
{
    public StreamRejectionsGraphType()
    {
        Name = "StreamRejections";
        Description = "Refused items of an ingestion stream: how many, and the latest ones.";
        Field(r => r.Stream).Description("Stream namespace, e.g. touches.");
        Field<NonNullGraphType<LongGraphType>>("count").Description("Refused items in total.").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StreamRejectionGraphType>>>>("recent")
            .Description($"The latest refusals, newest first (at most {StreamRejections.RecentLimit}).")
            .Resolve(c => c.Source.Recent);
    }
}
