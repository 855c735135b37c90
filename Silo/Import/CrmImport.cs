using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Silo.Import;

/// <summary>What a CRM export directory turns into: commands to send, and the rows that could not become one.</summary>
public sealed record CrmImport
{
    /// <summary>One unit per manager, in order of first appearance in sales_teams.csv.</summary>
    public required ImmutableArray<Sourced<RegisterUnitCommand>> Units { get; init; }

    /// <summary>One B2B customer per account.</summary>
    public required ImmutableArray<Sourced<RegisterCustomerCommand>> Customers { get; init; }

    /// <summary>One opportunity per pipeline row.</summary>
    public required ImmutableArray<Sourced<ImportOpportunityCommand>> Opportunities { get; init; }

    /// <summary>Refused rows of all four files, in file then line order.</summary>
    public required ImmutableArray<BadRow> BadRows { get; init; }
}
