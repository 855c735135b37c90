namespace Frontline.Abstractions.Attribution;

/// <summary>How many journeys moved from one state to the next (MARKOV's counts; states are keys or "(start)", "(conversion)", "(null)").</summary>
[GenerateSerializer, Immutable, Alias("Frontline.TransitionTally")]
public sealed record TransitionTally
{
    [Id(0)] public required string From { get; init; }
    [Id(1)] public required string To { get; init; }
    [Id(2)] public required double Count { get; init; }
}
