using Frontline.Abstractions.Customers;
using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using GraphQL;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class CustomerGraphType : ObjectGraphType<CustomerView>
{
    public const int DefaultPage = 50, MaxPage = 500;

    public CustomerGraphType()
    {
        Name = "Customer";
        Description = "A customer with its profile, health and journey counters.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Customer id from the source system.");
        Field(c => c.Name, nullable: true).Description("Display name.");
        Field<NonNullGraphType<SegmentGraphType>>("segment").Description("B2B or B2C.").Resolve(c => c.Source.Segment);
        Field(c => c.Industry, nullable: true).Description("Industry.");
        Field(c => c.Region, nullable: true).Description("Region.");
        Field(c => c.UnitId, nullable: true).Description("Assigned unit.");
        Field<NonNullGraphType<HealthScoreGraphType>>("health").Description("Health as of now.").Resolve(c => c.Source.Health);
        Field(c => c.TouchCount).Description("Touches in the journey.");
        Field(c => c.ConversionCount).Description("Signed contracts and won opportunities.");
        Field(c => c.Registered).Description("False for customers known only from touches.");
        Field<NonNullGraphType<TouchConnectionGraphType>>("journey")
            .Description("The journey in time order, a page at a time.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = DefaultPage; a.Description = $"Entries to return, 0-{MaxPage}."; })
            .Argument<StringGraphType>("after", "Cursor to read after (endCursor of the previous page).")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument("first", DefaultPage);
                if (first is < 0 or > MaxPage)
                {
                    throw Rejection.Invalid("first", $"{first} is not within 0-{MaxPage}").ToError();
                }

                var after = c.GetArgument<string?>("after");
                if (after is not null && JourneyCursor.Decode(after) is null)
                {
                    throw Rejection.Invalid("after", "is not a cursor of this journey").ToError();
                }

                return await c.Grains().GetCustomerGrain(c.Source.Id).GetJourneyPageAsync(first, after);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("openEscalationIds").Description("Open escalations on its opportunities.").Resolve(c => c.Source.OpenEscalationIds);
    }
}
