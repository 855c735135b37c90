using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;

namespace Frontline.Silo.Import;

/// <summary>What a journey file turns into: B2C customers, their touches, and the rows that could not become one.</summary>
public sealed record JourneyImport
{
    /// <summary>One B2C customer per distinct customer id of the good rows, in order of first appearance.</summary>
    public required ImmutableArray<Sourced<RegisterCustomerCommand>> Customers { get; init; }

    /// <summary>One touch per good row, in file order.</summary>
    public required ImmutableArray<Sourced<TouchEnvelope>> Touches { get; init; }

    /// <summary>Refused rows, in line order.</summary>
    public required ImmutableArray<BadRow> BadRows { get; init; }
}
