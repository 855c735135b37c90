using System.Collections.Immutable;

namespace Frontline.Abstractions.Units;

/// <summary>The list of registered unit ids, so <c>units</c> can be answered without scanning storage. Keyed by 0.</summary>
[Alias("Frontline.IUnitDirectoryGrain")]
public interface IUnitDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a unit id (idempotent).</summary>
    Task AddAsync(string unitId);

    /// <summary>All registered unit ids, sorted.</summary>
    Task<ImmutableArray<string>> ListAsync();
}
