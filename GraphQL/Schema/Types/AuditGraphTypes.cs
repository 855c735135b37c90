using System.Globalization;
using Frontline.Abstractions.Audit;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One audited request: who, what, when, outcome.";
        Field<NonNullGraphType<UtcDateTimeGraphType>>("at").Description("When it was answered.").Resolve(c => c.Source.At);
        Field(e => e.Subject).Description("The caller (token subject or API key name).");
        Field(e => e.Role).Description("The caller's role.");
        Field(e => e.Operation).Description("Mutation field name, or POST /ingest/touches.");
        Field(e => e.Target, nullable: true).Description("The id addressed, or the size of the batch.");
        Field(e => e.Outcome).Description("OK, or the error code it ended with.");
        Field(e => e.Detail, nullable: true).Description("Batch counts, or the error message.");
    }
}

public sealed class AuditEdgeGraphType : ObjectGraphType<KeyValuePair<long, AuditEntry>>
{
    public AuditEdgeGraphType()
    {
        Name = "AuditEdge";
        Description = "An audit entry with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to read older entries.")
            .Resolve(c => c.Source.Key.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<AuditEntryGraphType>>("node").Description("The entry.").Resolve(c => c.Source.Value);
    }
}

public sealed class AuditPageInfoGraphType : ObjectGraphType<AuditPage>
{
    public AuditPageInfoGraphType()
    {
        Name = "AuditPageInfo";
        Description = "Where a page of the audit log stands.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether older entries follow.").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Cursor of the last (oldest) entry of this page.")
            .Resolve(c => c.Source.Items.IsEmpty ? null : (c.Source.FirstSequence - c.Source.Items.Length + 1).ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class AuditConnectionGraphType : ObjectGraphType<AuditPage>
{
    public AuditConnectionGraphType()
    {
        Name = "AuditConnection";
        Description = "A page of one UTC day's audit log, newest first.";
        Field(p => p.TotalCount).Description("Entries in the whole day.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEdgeGraphType>>>>("edges").Description("The entries of this page.")
            .Resolve(c => c.Source.Items.Select((e, i) => new KeyValuePair<long, AuditEntry>(c.Source.FirstSequence - i, e)).ToList());
        Field<NonNullGraphType<AuditPageInfoGraphType>>("pageInfo").Description("Paging state.").Resolve(c => c.Source);
    }
}
