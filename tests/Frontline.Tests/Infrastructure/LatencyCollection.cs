namespace Frontline.Tests.Infrastructure;

/// <summary>Tests that assert delivery times run alone, so parallel collections cannot starve them of CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LatencyCollection
{
    public const string Name = "latency";
}
