using Frontline.Abstractions.Customers;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

/// <summary>B2B or B2C; spelled as is (the default CONSTANT_CASE would make it B2_B).</summary>
public sealed class SegmentGraphType : EnumerationGraphType
{
    public SegmentGraphType()
    {
        Name = "Segment";
        Description = "Business segment; selects the attribution window (B2B 90 days, B2C 7 days by default).";
        Add("B2B", Segment.B2B, "Business customer.");
        Add("B2C", Segment.B2C, "Consumer.");
    }
}
