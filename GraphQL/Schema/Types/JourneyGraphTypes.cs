using Frontline.Abstractions.Customers;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class TouchGraphType : ObjectGraphType<JourneyTouch>
{
    public TouchGraphType()
    {
        Name = "Touch";
        Description = "One entry of a customer's journey (touches and conversion events).";
        Field(t => t.EventId).Description("The event id it arrived with.");
        Field(t => t.Action).Description("Micro-action.");
        Field(t => t.Channel).Description("Channel.");
        Field<NonNullGraphType<UtcDateTimeGraphType>>("occurredAt").Description("When it happened.").Resolve(c => c.Source.OccurredAt);
        Field(t => t.Value, nullable: true).Description("Value, if any.");
        Field(t => t.OpportunityId, nullable: true).Description("Related opportunity, if any.");
    }
}

public sealed class TouchEdgeGraphType : ObjectGraphType<JourneyTouch>
{
    public TouchEdgeGraphType()
    {
        Name = "TouchEdge";
        Description = "A journey entry with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque position; pass as `after` to read on.").Resolve(c => JourneyCursor.Encode(c.Source));
        Field<NonNullGraphType<TouchGraphType>>("node").Description("The entry.").Resolve(c => c.Source);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<JourneyPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in the whole list.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether entries follow this page.").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Cursor of the last entry of this page.").Resolve(c => c.Source.Items.IsEmpty ? null : JourneyCursor.Encode(c.Source.Items[^1]));
    }
}

public sealed class TouchConnectionGraphType : ObjectGraphType<JourneyPage>
{
    public TouchConnectionGraphType()
    {
        Name = "TouchConnection";
        Description = "A page of a customer's journey, in time order.";
        Field(p => p.TotalCount).Description("Entries in the whole journey.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TouchEdgeGraphType>>>>("edges").Description("The entries of this page.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging state.").Resolve(c => c.Source);
    }
}
