using System.Collections.Immutable;

namespace Frontline.Grains.Attribution.Models;

/// <summary>An aggregated path: its keys in time order, how many journeys with it converted (and their value) and how many did not.</summary>
public sealed record PathCount(ImmutableArray<string> Path, double Conversions, double Value, double Nulls);
