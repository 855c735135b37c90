namespace Frontline.Abstractions.Customers;

/// <summary>Registers a customer or updates its profile; registering the same profile again is a duplicate.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.RegisterCustomerCommand")]
public sealed record RegisterCustomerCommand
{
    /// <summary>Customer id from the source system.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>B2B or B2C.</summary>
    [Id(1)] public required Segment Segment { get; init; }

    /// <summary>Industry (sector), if known.</summary>
    [Id(2)] public string? Industry { get; init; }

    /// <summary>Region, if known.</summary>
    [Id(3)] public string? Region { get; init; }

    /// <summary>Combat unit the customer is assigned to, if any.</summary>
    [Id(4)] public string? UnitId { get; init; }

    /// <summary>Display name, if different from the id.</summary>
    [Id(5)] public string? Name { get; init; }
}
