using Frontline.Abstractions.Customers;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class CustomerGraphType : ObjectGraphType<CustomerView>
{
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("openEscalationIds").Description("Open escalations on its opportunities.").Resolve(c => c.Source.OpenEscalationIds);
    }
}
