namespace Frontline.Abstractions.Streams;

/// <summary>Signal that an attribution scope's figures changed; subscribers read the new report.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.ScopeUpdated")]
public sealed record ScopeUpdated
{
    /// <summary>The scope that changed.</summary>
    [Id(0)] public required string Scope { get; init; }

    /// <summary>When it changed.</summary>
    [Id(1)] public required DateTimeOffset At { get; init; }
}
