namespace Frontline.Abstractions.Attribution;

/// <summary>Which parts of a slice a query needs; totals always come.</summary>
[Flags]
public enum SliceParts
{
    Totals = 0,
    Credits = 1,
    Heat = 2,
    Combinations = 8,
    Transitions = 16,
    Coalitions = 32,
}
