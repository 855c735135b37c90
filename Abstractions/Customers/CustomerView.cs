using System.Collections.Immutable;

namespace Frontline.Abstractions.Customers;

/// <summary>Read model of a customer: profile, health and journey counters.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.CustomerView")]
public sealed record CustomerView
{
    /// <summary>Customer id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public string? Name { get; init; }

    /// <summary>B2B or B2C.</summary>
    [Id(2)] public required Segment Segment { get; init; }

    /// <summary>Industry, if known.</summary>
    [Id(3)] public string? Industry { get; init; }

    /// <summary>Region, if known.</summary>
    [Id(4)] public string? Region { get; init; }

    /// <summary>Assigned unit, if any.</summary>
    [Id(5)] public string? UnitId { get; init; }

    /// <summary>Health score as of the read.</summary>
    [Id(6)] public required HealthScore Health { get; init; }

    /// <summary>Touches in the journey.</summary>
    [Id(7)] public int TouchCount { get; init; }

    /// <summary>Conversions recorded (signed contracts and won opportunities).</summary>
    [Id(8)] public int ConversionCount { get; init; }

    /// <summary>Escalations currently open on this customer's opportunities.</summary>
    [Id(9)] public ImmutableArray<string> OpenEscalationIds { get; init; } = [];

    /// <summary>False for customers known only from touches, never registered.</summary>
    [Id(10)] public bool Registered { get; init; }
}
