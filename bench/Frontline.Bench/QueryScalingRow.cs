namespace Frontline.Bench;

/// <summary>
/// One size of part 1: load time, the two query samples, what the report counted (conversions, nulls, channels
/// credited), the path tallies a MARKOV report merges, and how much the heap grew while loading.
/// </summary>
public sealed record QueryScalingRow(int Size, TimeSpan Load, Sample Linear, Sample Markov, int Conversions, int Nulls, int Keys, long PathTallies, long HeapGrowth);
