using Frontline.Abstractions.Ingestion;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

/// <summary>One refused stream item.</summary>
public sealed class StreamRejectionGraphType : ObjectGraphType<StreamRejection>
{
    public StreamRejectionGraphType()
    {
        Name = "StreamRejection";
        Description = "One refused stream item; it changed nothing.";
        Field(r => r.EventId, nullable: true).Description("The item's event id, when it had one.");
        Field(r => r.StreamKey).Description("Stream key it was published on (the customer id).");
        Field(r => r.Field).Description("Field at fault.");
        Field(r => r.Reason).Description("Why.");
        Field<NonNullGraphType<UtcDateTimeGraphType>>("at").Description("When it was refused.").Resolve(c => c.Source.At);
    }
}
