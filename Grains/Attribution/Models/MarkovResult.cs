namespace Frontline.Grains.Attribution.Models;

/// <summary>The Markov model's answer: the chain's conversion probability, each key's raw removal effect, and the normalised credit.</summary>
public sealed record MarkovResult(
    double ConversionProbability,
    IReadOnlyDictionary<string, double> RemovalEffects,
    IReadOnlyDictionary<string, KeyCredit> Credits);
