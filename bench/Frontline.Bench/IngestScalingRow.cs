namespace Frontline.Bench;

/// <summary>
/// One step of part 2: the history asked for and actually held by the scopes, how long preloading took, and the
/// time per conversion one customer per call (mean and median call) and 100 customers per call.
/// </summary>
public sealed record IngestScalingRow(int History, long Held, TimeSpan Preload, TimeSpan PerConversion, TimeSpan MedianCall, TimeSpan PerConversionBatched);
