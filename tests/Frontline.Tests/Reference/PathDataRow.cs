namespace Frontline.Tests.Reference;

/// <summary>One row of the aggregated path file: the channels in order, converting journeys, their value, null journeys.</summary>
public sealed record PathDataRow(string[] Channels, double Conversions, double Value, double Nulls);
