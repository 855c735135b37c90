using System.Collections.Immutable;

namespace Frontline.Grains.Units;

/// <summary>Persistent state of the unit directory.</summary>
public sealed record UnitDirectoryState
{
    public ImmutableSortedSet<string> UnitIds { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
}
