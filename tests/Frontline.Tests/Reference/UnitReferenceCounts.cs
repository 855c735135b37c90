namespace Frontline.Tests.Reference;

/// <summary>Pipeline counts of one unit, computed straight from the CSV text.</summary>
/// <param name="Opportunities">All opportunities of the unit's agents.</param>
/// <param name="Won">Won ones.</param>
/// <param name="Lost">Lost ones.</param>
/// <param name="Open">Engaging plus Prospecting.</param>
/// <param name="WonValue">Sum of close_value over the won ones.</param>
public sealed record UnitReferenceCounts(int Opportunities, int Won, int Lost, int Open, decimal WonValue);
