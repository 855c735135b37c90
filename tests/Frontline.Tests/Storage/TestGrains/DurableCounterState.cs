namespace Frontline.Tests.Storage.TestGrains;

/// <summary>Persisted state of <see cref="DurableCounterGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.Tests.DurableCounterState")]
public sealed record DurableCounterState
{
    /// <summary>Number of increments.</summary>
    [Id(0)] public int Count { get; init; }

    /// <summary>Number of reminder ticks received.</summary>
    [Id(1)] public int Ticks { get; init; }
}
