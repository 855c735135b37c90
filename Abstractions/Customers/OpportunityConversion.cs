namespace Frontline.Abstractions.Customers;

/// <summary>A won opportunity reported to its customer as a conversion with the close value.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.OpportunityConversion")]
public sealed record OpportunityConversion
{
    /// <summary>The won opportunity.</summary>
    [Id(0)] public required string OpportunityId { get; init; }

    /// <summary>Unit that won it; its scope is credited too.</summary>
    [Id(1)] public required string UnitId { get; init; }

    /// <summary>When it was won.</summary>
    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Close value.</summary>
    [Id(3)] public required decimal Value { get; init; }

    /// <summary>When the opportunity was opened, if known (W_SHAPED's opportunity milestone).</summary>
    [Id(4)] public DateTimeOffset? OpenedAt { get; init; }
}
