using Frontline.Abstractions.Ingestion;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class IngestResultGraphType : ObjectGraphType<IngestResult>
{
    public IngestResultGraphType()
    {
        Name = "IngestResult";
        Description = "What happened to a batch: applied, repeats (no second effect), and refused items.";
        Field(r => r.Accepted).Description("Items applied for the first time.");
        Field(r => r.Duplicates).Description("Items seen before; no second effect.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestRejectionGraphType>>>>("rejected").Description("Refused items; they changed nothing.").Resolve(c => c.Source.Rejected);
    }
}

public sealed class IngestRejectionGraphType : ObjectGraphType<IngestRejection>
{
    public IngestRejectionGraphType()
    {
        Name = "IngestRejection";
        Description = "One refused item.";
        Field(r => r.Index).Description("Zero-based position in the batch.");
        Field(r => r.Field).Description("Field at fault.");
        Field(r => r.Reason).Description("Why.");
        Field(r => r.Code).Description("VALIDATION, NOT_FOUND or INVALID_STATE.");
    }
}
