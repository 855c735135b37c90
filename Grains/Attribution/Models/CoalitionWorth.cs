using System.Collections.Immutable;

namespace Frontline.Grains.Attribution.Models;

/// <summary>Converting journeys whose distinct keys were exactly <paramref name="Players"/> (sorted), with their value.</summary>
public sealed record CoalitionWorth(ImmutableArray<string> Players, double Conversions, double Value);
