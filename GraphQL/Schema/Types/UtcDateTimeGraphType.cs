using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

/// <summary>The contract's <c>DateTime</c> scalar: ISO-8601 with an offset, carried as <see cref="DateTimeOffset"/> and normalised to UTC.</summary>
public sealed class UtcDateTimeGraphType : DateTimeOffsetGraphType
{
    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date-time with offset, e.g. 2018-07-01T00:00:00Z; read as UTC.";
    }

    public override object? ParseValue(object? value) => (base.ParseValue(value) as DateTimeOffset?)?.ToUniversalTime();

    public override object? ParseLiteral(global::GraphQLParser.AST.GraphQLValue value) => (base.ParseLiteral(value) as DateTimeOffset?)?.ToUniversalTime();
}
